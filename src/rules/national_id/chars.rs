//! What a character is to the national-id scanner: a digit (in any script or compatibility
//! form), a separator between digit groups, an invisible character to skip, or anything else.
//!
//! This is the scanner's normalisation, done one character at a time instead of building a
//! normalised copy of the text: NFKC folds full-width, mathematical, superscript and circled
//! digits to ASCII digits, and Unicode's decimal digits of other scripts (Arabic-Indic,
//! Devanagari, …) carry their value. Tables from the Unicode Character Database; the decimal
//! digits are those of Unicode 17, the version of Rust's standard library (a test checks
//! each against `char::is_numeric`).

/// What one character is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    /// A digit with its value.
    Digit(u8),
    /// A digit with a full stop or comma in the same character (`⒈`, `🄂`): a digit that
    /// ends its group.
    DigitThenSeparator(u8),
    /// Whitespace, dots, hyphens and dashes, slashes, underscores and commas.
    Separator,
    /// Invisible: format characters (zero-width space, soft hyphen, word joiner, BOM, bidi
    /// marks, variation selectors, tags) and combining marks (a keycap, an underline or an
    /// accent over a digit leaves the digit a digit).
    Ignored,
    /// Anything else: it ends a run of digit groups.
    Other,
}

const D: u8 = 10; // separator
const O: u8 = 11; // other

/// ASCII at a glance: the digits, the separators `\t \n \v \f \r`, space, `,` `-` `.` `/` `_`.
const ASCII: [u8; 128] = {
    let mut t = [O; 128];
    let mut i = 0;
    while i < 10 {
        t[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let seps = [b'\t', b'\n', 0x0b, 0x0c, b'\r', b' ', b',', b'-', b'.', b'/', b'_'];
    let mut j = 0;
    while j < seps.len() {
        t[seps[j] as usize] = D;
        j += 1;
    }
    t
};

/// The class of an ASCII byte.
#[inline]
pub(super) fn ascii(b: u8) -> Class {
    match ASCII[usize::from(b & 0x7f)] {
        D => Class::Separator,
        O => Class::Other,
        digit => Class::Digit(digit),
    }
}

/// The zero of every run of ten decimal digits (general category Nd) beyond ASCII.
const ZEROS: [u32; 76] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6,
    0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0,
    0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30,
    0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x116D0,
    0x116DA, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50, 0x11D50, 0x11DA0, 0x11DE0, 0x11F50, 0x16130,
    0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140,
    0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// The class of a character beyond ASCII.
pub(super) fn wide(c: char) -> Class {
    let u = c as u32;
    // Digits in compatibility forms and digit-like symbols: (first, last, value of first).
    let digit_in =
        |first: u32, last: u32, value: u32| (first..=last).contains(&u).then(|| (u - first + value) as u8);
    match u {
        // Latin-1: superscripts, NBSP and NEL, the soft hyphen, the middle dot.
        0xB9 => Class::Digit(1),
        0xB2 | 0xB3 => Class::Digit((u - 0xB0) as u8),
        0x85 | 0xA0 | 0xB7 => Class::Separator,
        0xAD => Class::Ignored,
        0x80..=0x2FF => Class::Other, // æ ø å é « » and the rest of Latin: the common case
        0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F => {
            Class::Ignored
        }
        0x61C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F | 0x200B..=0x200F => Class::Ignored,
        0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F | 0xFEFF | 0xFFA0 => Class::Ignored,
        0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF => Class::Ignored,
        // Superscript and subscript digits (2071–2073 are letters and unassigned).
        0x2070 => Class::Digit(0),
        0x2074..=0x2079 => Class::Digit((u - 0x2070) as u8),
        0x2080..=0x2089 => Class::Digit((u - 0x2080) as u8),
        // Circled and dingbat digits; ⑩ and the like are numbers, not digits.
        0x24EA | 0x24FF | 0x1F10B | 0x1F10C => Class::Digit(0),
        0x2460..=0x2468 | 0x24F5..=0x24FD | 0x2776..=0x277E | 0x2780..=0x2788 | 0x278A..=0x2792 => {
            let value = [0x2460, 0x24F5, 0x2776, 0x2780, 0x278A].iter().find_map(|&f| digit_in(f, f + 8, 1));
            value.map_or(Class::Other, Class::Digit)
        }
        // `1.` … `9.`, `0.`, and `0,` … `9,` in one character.
        0x2488..=0x2490 => Class::DigitThenSeparator((u - 0x2487) as u8),
        0x1F100 => Class::DigitThenSeparator(0),
        0x1F101..=0x1F10A => Class::DigitThenSeparator((u - 0x1F101) as u8),
        // Separators: whitespace, dashes (Pd) and the minus sign, and the compatibility and
        // look-alike forms of `.` `/` `_` `,`.
        0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 => Class::Separator,
        0x58A | 0x5BE | 0x1400 | 0x1806 | 0x2010..=0x2015 | 0x2212 | 0x2E17 | 0x2E1A | 0x2E3A | 0x2E3B => {
            Class::Separator
        }
        0x2E40 | 0x2E5D | 0x301C | 0x3030 | 0x30A0 | 0xFE31 | 0xFE32 | 0xFE58 | 0xFE63 | 0xFF0D => {
            Class::Separator
        }
        0x10EAD | 0x2024 | 0x2027 | 0x2043 | 0x2219 | 0x22C5 | 0x30FB | 0xFF0E | 0xFE52 | 0xFF65 => {
            Class::Separator
        }
        0x3002 | 0x2044 | 0x2215 | 0x29F8 | 0xFF0F | 0xFF3F | 0xFE33 | 0xFE34 | 0xFE4D..=0xFE4F => {
            Class::Separator
        }
        0xFF0C | 0xFE50 | 0xFE51 | 0x3001 | 0x60C | 0x66B | 0x66C => Class::Separator,
        _ => match ZEROS.partition_point(|&z| z <= u) {
            0 => Class::Other,
            i if u - ZEROS[i - 1] < 10 => Class::Digit((u - ZEROS[i - 1]) as u8),
            _ => Class::Other,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_zero_starts_ten_digits_that_rust_calls_numeric() {
        assert!(ZEROS.is_sorted());
        for &z in &ZEROS {
            for v in 0..10 {
                let c = char::from_u32(z + v).unwrap();
                assert!(c.is_numeric(), "{c:?}");
                assert_eq!(wide(c), Class::Digit(v as u8), "{c:?}");
            }
        }
    }

    #[test]
    fn compatibility_digits_fold_to_their_value() {
        for (text, value) in [
            ("０１２３４５６７８９", "0123456789"),
            ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
            ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
            ("०१२३४५६७८९", "0123456789"),
            ("𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗", "0123456789"),
            ("𝟘𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠𝟡", "0123456789"),
            ("𝟶𝟷𝟸𝟹𝟺𝟻𝟼𝟽𝟾𝟿", "0123456789"),
            ("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"),
            ("₀₁₂₃₄₅₆₇₈₉", "0123456789"),
            ("⓪①②③④⑤⑥⑦⑧⑨", "0123456789"),
            ("⓿❶❷❸❹❺❻❼❽❾", "0123456789"),
            ("🄋➀➁➂➃➄➅➆➇➈", "0123456789"),
            ("🄌➊➋➌➍➎➏➐➑➒", "0123456789"),
            ("⓵⓶⓷⓸⓹⓺⓻⓼⓽", "123456789"),
            ("🯰🯱🯲🯳🯴🯵🯶🯷🯸🯹", "0123456789"),
        ] {
            let folded: String = text
                .chars()
                .map(|c| match wide(c) {
                    Class::Digit(v) => char::from(b'0' + v),
                    other => panic!("{c:?} is {other:?}"),
                })
                .collect();
            assert_eq!(folded, value, "{text}");
        }
        assert_eq!(wide('⒈'), Class::DigitThenSeparator(1));
        assert_eq!(wide('🄀'), Class::DigitThenSeparator(0));
        assert_eq!(wide('🄊'), Class::DigitThenSeparator(9));
        for not_a_digit in ['⑩', '❿', '➉', '⑴', 'Ⅳ', '½', 'a', 'ø', '¼'] {
            assert_eq!(wide(not_a_digit).clone(), Class::Other, "{not_a_digit:?}");
        }
    }

    #[test]
    fn separators_and_invisibles() {
        for c in [
            '\u{a0}', '\u{202f}', '\u{2007}', '\u{2009}', '\u{3000}', '–', '—', '‑', '−', '．', '／', '＿',
            '，', '·',
        ] {
            assert_eq!(wide(c), Class::Separator, "{c:?}");
        }
        for c in "\t\n\r ,-./_".bytes() {
            assert_eq!(ascii(c), Class::Separator, "{c:?}");
        }
        for c in [
            '\u{ad}',
            '\u{200b}',
            '\u{200d}',
            '\u{2060}',
            '\u{feff}',
            '\u{180e}',
            '\u{fe0f}',
            '\u{20e3}',
            '\u{332}',
            '\u{e0031}',
        ] {
            assert_eq!(wide(c), Class::Ignored, "{c:?}");
        }
        for c in ":;+()'\"|a#".bytes() {
            assert_eq!(ascii(c), Class::Other, "{c:?}");
        }
    }
}
