//! The spellings of a national id number that must be found, the near-misses that must
//! not, and what "never echoed" means: shared by the scanner's table test and the tests that
//! run `rt` on each spelling. Every number is made by the independent implementation in
//! [`super::skatteetaten`]; none is written here.

#![allow(dead_code)]

use super::skatteetaten::{self, Kind};

/// The numbers the tables are built from: a fødselsnummer, a D-number, an H-number, and a
/// fødselsnummer whose `k1` only the 2032 rule allows — all made by the independent code.
pub fn numbers() -> Vec<String> {
    let born = chrono::NaiveDate::from_ymd_opt(2015, 3, 15).unwrap();
    let make = |kind, r| (500..1000).find_map(|i| skatteetaten::number(born, kind, i, r)).unwrap();
    let numbers = vec![
        make(Kind::Fodselsnummer, 0),
        make(Kind::DNumber, 0),
        make(Kind::HNumber, 0),
        make(Kind::Fodselsnummer, 2),
    ];
    assert!(numbers.iter().all(|n| skatteetaten::is_valid(n)));
    numbers
}

/// Ways to write a number `n` (eleven ASCII digits), each as someone could type or paste it.
pub fn spellings(n: &str) -> Vec<(&'static str, String)> {
    let (dd, mm, yy, p) = (&n[..2], &n[2..4], &n[4..6], &n[6..]);
    let (date, ind, k) = (&n[..6], &n[6..9], &n[9..]);
    let each = |sep: &str| n.chars().map(String::from).collect::<Vec<_>>().join(sep);
    let fold = |zero: u32| -> String {
        n.chars().map(|c| char::from_u32(zero + c as u32 - 0x30).unwrap()).collect()
    };
    let circled: String = n
        .chars()
        .map(|c| if c == '0' { '⓪' } else { char::from_u32(0x2460 + c as u32 - 0x31).unwrap() })
        .collect();
    let superscript: String = n
        .chars()
        .map(|c| match c {
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            c => char::from_u32(0x2070 + c as u32 - 0x30).unwrap(),
        })
        .collect();
    vec![
        ("plain", n.to_string()),
        ("space", format!("{date} {p}")),
        ("hyphen", format!("{date}-{p}")),
        ("dotted date", format!("{dd}.{mm}.{yy} {p}")),
        ("five groups", format!("{dd} {mm} {yy} {ind} {k}")),
        ("all hyphens", format!("{dd}-{mm}-{yy}-{p}")),
        ("4 + 7", format!("{} {}", &n[..4], &n[4..])),
        ("5 + 6", format!("{} {}", &n[..5], &n[5..])),
        ("two spaces", format!("{date}  {p}")),
        ("tab", format!("{date}\t{p}")),
        ("NBSP", format!("{date}\u{a0}{p}")),
        ("narrow NBSP", format!("{date}\u{202f}{p}")),
        ("figure space", format!("{date}\u{2007}{p}")),
        ("thin space", format!("{date}\u{2009}{p}")),
        ("newline", format!("{date}\n{p}")),
        ("CRLF", format!("{date}\r\n{p}")),
        ("slash", format!("{date}/{p}")),
        ("underscore", format!("{date}_{p}")),
        ("comma", format!("{date},{p}")),
        ("comma space", format!("{date}, {p}")),
        ("zero-width space", format!("{date}\u{200b}{p}")),
        ("soft hyphen", format!("{}\u{ad}{}", &n[..3], &n[3..])),
        ("word joiner", format!("{}\u{2060}{}", &n[..8], &n[8..])),
        ("BOM", format!("{}\u{feff}{}", &n[..1], &n[1..])),
        ("zero-width joiner everywhere", each("\u{200d}")),
        ("full-width", fold(0xFF10)),
        ("full-width, ideographic space", format!("{}\u{3000}{}", &fold(0xFF10)[..18], &fold(0xFF10)[18..])),
        ("Arabic-Indic", fold(0x660)),
        ("Devanagari", fold(0x966)),
        ("mathematical bold", fold(0x1D7CE)),
        ("circled", circled),
        ("superscript", superscript),
        ("en dash", format!("{date}–{p}")),
        ("non-breaking hyphen", format!("{date}\u{2011}{p}")),
        ("minus sign", format!("{date}\u{2212}{p}")),
        ("slashed date", format!("{dd}/{mm}/{yy} {p}")),
        ("one digit a group", each(" ")),
        ("one group a line", format!("{dd}\n{mm}\n{yy}\n{ind}\n{k}")),
        ("threes", format!("{} {} {} {}", &n[..3], &n[3..6], &n[6..9], &n[9..])),
        ("underlined", n.chars().flat_map(|c| [c, '\u{332}']).collect()),
        ("keycaps", n.chars().flat_map(|c| [c, '\u{fe0f}', '\u{20e3}']).collect()),
        ("mixed", format!("{}\u{200b}{}\u{a0}{}", &fold(0xFF10)[..6], &n[2..6], p)),
        ("in a sentence", format!("Gutten, fnr:{n}, bor hos mor.")),
        ("in brackets", format!("(f.nr. {dd}.{mm}.{yy} {p})")),
        ("after a phone number", format!("tlf 912 34 567, {dd} {mm} {yy} {p}")),
        ("dotted person number", format!("{dd}.{mm}.{yy}-{ind}.{k}")),
        ("date glued to part", format!("{dd}.{mm}.{yy}{ind} {k}")),
        ("full-width separators", format!("{dd}．{mm}／{yy}－{p}")),
    ]
}

/// Texts that must pass: no national id in any of them.
pub fn near_misses(n: &str) -> Vec<(&'static str, String)> {
    let changed = |i: usize| {
        let mut b = n.as_bytes().to_vec();
        b[i] = b'0' + (b[i] - b'0' + 1) % 10;
        String::from_utf8(b).unwrap()
    };
    let swap = (0..10).find(|&i| n.as_bytes()[i] != n.as_bytes()[i + 1]).unwrap();
    let mut swapped = n.as_bytes().to_vec();
    swapped.swap(swap, swap + 1);
    vec![
        ("phone", "+47 912 34 567".into()),
        ("phone, country code 0047", "0047 91234567".into()),
        ("phone, one group", "ring 91234567".into()),
        ("landline", "22 33 44 55".into()),
        ("landline with country code", "+47 22 12 34 56".into()),
        ("two phones", "912 34 567 / 22 33 44 55".into()),
        ("date", "15.03.2015".into()),
        ("date and time", "15.03.2015 kl. 12.30".into()),
        ("ISO date", "2027-01-05".into()),
        ("date range", "01.09.2027–15.12.2027".into()),
        ("time span", "12:30–14:00".into()),
        ("times", "kl. 08.15–09.45, 12.30-14.00".into()),
        ("datetime", "2027-01-05T12:30:00".into()),
        ("sum of money", "1 500 073,00 kr".into()),
        ("sums", "kr 15 000, 12 500 og 3 000".into()),
        ("large sum", "kr 12 345 678,90".into()),
        ("list of numbers", "1, 2, 3, 4, 5, 6, 7, 8, 9, 10".into()),
        ("week", "uke 12, 2027".into()),
        ("years", "2019, 2020, 2021".into()),
        ("case id", "sak 2027-01-05-k7q2".into()),
        ("case ids", "2027-01-05-aaaa, 2027-01-05-bbbb".into()),
        ("measures", "Tiltak 3, 5 og 7".into()),
        ("ten digits", n[..10].to_string()),
        ("ten digits grouped", format!("{} {}", &n[..6], &n[6..10])),
        ("twelve digits", format!("{n}0")),
        ("twelve digits, leading", format!("1{n}")),
        ("twelve digits grouped", format!("{} {}0", &n[..6], &n[6..])),
        ("a group straddles the start", format!("9{} {}", &n[..6], &n[6..])),
        ("a group straddles the end", format!("{} {}9", &n[..6], &n[6..])),
        ("wrong k2", changed(10)),
        ("wrong k1", changed(9)),
        ("wrong individual number", changed(7)),
        ("wrong day", changed(1)),
        ("swapped neighbours", String::from_utf8(swapped).unwrap()),
        ("eleven zeros", "00000000000".into()),
        ("eleven ones", "11111111111".into()),
        ("ISBN-13", "ISBN 978-82-02-12345-6".into()),
        ("ISBN-10", "82-02-12345-6".into()),
        ("address", "Storgata 12, 0155 Oslo".into()),
        ("post box", "Postboks 1503, 1550 Moss".into()),
        ("organisation number", "org.nr. 974 760 673".into()),
        ("account number, no date", "konto 1234.56.78903".into()),
        ("IBAN", "NO93 8601 1117 947".into()),
        ("KID", "KID 123456789012345".into()),
        ("percentages", "45 % og 55 %".into()),
        ("dimensions", "120 x 80 cm".into()),
        ("ages", "Født 15.03.2015, 2 søsken (9 og 13 år)".into()),
        ("counts", "BTI-nivå 2, 3 samtaler, 14 dager".into()),
        ("separated by a colon", format!("{}:{}", &n[..6], &n[6..])),
        ("separated by a letter", format!("{}x{}", &n[..6], &n[6..])),
    ]
}

/// The digit groups of a spelling that are five digits or longer, as they appear in it,
/// and the bare number: none of them may appear in anything rt prints.
pub fn traces(n: &str, spelled: &str) -> Vec<String> {
    let mut out = vec![n.to_string()];
    out.extend(spelled.split(|c: char| !c.is_ascii_digit()).filter(|g| g.len() >= 5).map(String::from));
    out
}

pub fn assert_not_echoed(what: &str, n: &str, spelled: &str, printed: &str) {
    for trace in traces(n, spelled) {
        assert!(!printed.contains(&trace), "{what}: echoed {trace}:\n{printed}");
    }
    assert!(!printed.contains(spelled), "{what}: echoed the spelling:\n{printed}");
    assert!(!rt::rules::national_id::contains_national_id(printed), "{what}: echoed:\n{printed}");
}
