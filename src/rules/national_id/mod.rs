//! Norwegian national id numbers in free text: fødselsnummer, D-number and H-number.
//!
//! A case file must never hold one (only initials and a birth date), so every free text a
//! user writes is scanned, and a hit is refused without echoing the number back.
//!
//! # The number
//! The number is `DDMMYYIIIKK`. A D-number adds 4 to the first digit (day + 40), an
//! H-number adds 4 to the third (month + 40). The check digits follow Skatteetaten:
//! `k2` makes the weighted sum (5 4 3 2 7 6 5 4 3 2 1) divisible by 11, and `k1` makes
//! the weighted sum (3 7 6 1 8 9 4 5 2 1) leave remainder 0 — or, for numbers issued from
//! 1 January 2032, remainder 0, 1, 2 or 3. We cannot know when a number was issued, so we
//! accept both rules: a false alarm costs a rewording, a miss leaks an identity. For the
//! same reason 29 February is a day in every year (the century is not known for sure).
//!
//! # How the text is read
//! The scanner reads the text once, one character at a time, normalising as it goes (see
//! `chars.rs`): a digit is any Unicode decimal digit or compatibility digit (full-width,
//! mathematical, superscript, circled); format characters and combining marks are invisible
//! and skipped, so `1503\u{AD}15…` is read as `150315…`; and a *separator* is any run of
//! whitespace (NBSP, U+202F, tabs and line breaks included), dots, hyphens and dashes,
//! slashes, underscores and commas. Anything else (a letter, `:`, `+`, a bracket, a quote)
//! ends the run.
//!
//! The digits between two separators (or other characters) form a *group*, and groups joined
//! only by separators form a *run*. A number is found when eleven consecutive digits of a run
//! are a valid national id and they **begin at the start of a group and end at the end of a
//! group**. So every way of grouping the eleven digits is found (written here with `D` for a
//! digit: `DDDDDDDDDDD`, `DDDDDD DDDDD`, `DD.DD.DD DDD DD`, `DDDD DDDDDDD`, `D D D D …`, one
//! group per line),
//! also with other groups before and after in the run; but eleven digits inside a longer
//! group are not (a twelve-digit number is not an id), nor are eleven digits that begin or
//! end inside a group (`DDDDDDD DDDDD`, a digit too many at the start). Ten and twelve digits in any grouping cannot
//! match, and most text that is not an id cannot either: an 8-digit phone number, a date, a
//! time, a sum `1 500 073,00` (nine digits).
//!
//! Known false alarms, accepted: a Norwegian account number `DDDD.DD.DDDDD` has eleven
//! digits and the same mod-11 check as `k2`, so one whose first digits read as a date and
//! whose `k1` fits is refused — as is any list of numbers whose digits happen to line up.
//! About one in two hundred random 11-digit windows is a valid number; the user rewords
//! (writes the account number elsewhere, or breaks the list with a word).
//!
//! Not found: letters that look like digits (`O`, `l`), numbers written as words, parts
//! split by other characters (`15:03:15`, `(150315) 50073`) or by words (`født 15.03.15,
//! pnr 50073`) — reading through those would make ordinary text (times, notes in brackets,
//! a birth date beside any five-digit number) a candidate.
//!
//! The scan is linear and allocation-free: it keeps the last digits and groups of the
//! current run in small rings and looks back only when a group ends.

mod chars;

use std::borrow::Cow;
use std::ops::Range;

use chars::Class;

const W1: [u32; 10] = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1];
const W2: [u32; 11] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

/// What [`redact`] puts in place of a number.
pub const REDACTED: &str = "•••";

/// Whether eleven digits form a valid fødselsnummer, D-number or H-number.
pub fn is_national_id(d: &[u32; 11]) -> bool {
    if d.iter().any(|&x| x > 9) {
        return false;
    }
    let mut day = d[0] * 10 + d[1];
    let mut month = d[2] * 10 + d[3];
    if day > 40 {
        day -= 40; // D-number
    }
    if month > 40 {
        month -= 40; // H-number
    }
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 29, // the century is not known for sure; accept 29 February
        _ => return false,
    };
    if day == 0 || day > days_in_month {
        return false;
    }
    let s1: u32 = W1.iter().zip(d).map(|(w, x)| w * x).sum::<u32>() % 11;
    let s2: u32 = W2.iter().zip(d).map(|(w, x)| w * x).sum::<u32>() % 11;
    s1 <= 3 && s2 == 0
}

/// Whether a text holds a national id number, written in any grouping (see the module
/// documentation for the rule).
pub fn contains_national_id(text: &str) -> bool {
    find(text).is_some()
}

/// Where the first national id number in a text is: the byte range in `text` from its first
/// digit to its last, separators and invisible characters between them included.
pub fn find(text: &str) -> Option<Range<usize>> {
    let mut first = None;
    scan(text, |range| {
        first = Some(range);
        false
    });
    first
}

/// The text with every national id number in it replaced by [`REDACTED`]; borrowed when
/// there is none. For messages that must show a value the user wrote.
pub fn redact(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    scan(text, |range| {
        out.push_str(&text[copied..range.start]);
        out.push_str(REDACTED);
        copied = range.end;
        true
    });
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// The current run of digit groups: its last digits, which of them begin a group, and
/// where its last groups begin (eleven digits span at most eleven groups).
struct Run {
    /// Digit `n` of the run is at `n % 32`.
    digits: [u8; 32],
    /// Bit `k`: whether the `k`-th digit before the next one begins a group.
    starts: u64,
    /// Digits in the run so far.
    count: usize,
    /// Group `g` of the run, at `g % 16`: the index of its first digit, and that digit's
    /// byte offset in the text.
    groups: [(usize, usize); 16],
    /// Groups in the run so far.
    group_count: usize,
}

impl Run {
    #[inline]
    fn push(&mut self, digit: u8, at: usize, starts_group: bool) {
        if starts_group {
            self.groups[self.group_count % 16] = (self.count, at);
            self.group_count += 1;
        }
        self.digits[self.count % 32] = digit;
        self.starts = self.starts << 1 | u64::from(starts_group);
        self.count += 1;
    }

    fn clear(&mut self) {
        self.count = 0;
        self.group_count = 0;
    }

    /// At the end of a group: the byte offset where a number ending here begins, if the
    /// last eleven digits begin a group and are a valid number.
    #[inline]
    fn number_start(&self) -> Option<usize> {
        let first = self.count.checked_sub(11)?;
        // It must begin a group, and its first and third digits must fit a day (a D-number
        // adds 40) and a month (an H-number adds 40).
        let digit = |k: usize| self.digits[(first + k) % 32];
        if self.starts & 1 << 10 == 0 || digit(0) > 7 || !matches!(digit(2), 0 | 1 | 4 | 5) {
            return None;
        }
        let d: [u32; 11] = std::array::from_fn(|k| u32::from(digit(k)));
        if !is_national_id(&d) {
            return None;
        }
        (1..=self.group_count.min(11))
            .map(|back| self.groups[(self.group_count - back) % 16])
            .find_map(|(start, at)| (start == first).then_some(at))
    }
}

/// Calls `hit` with the byte range of every national id number in the text, left to right,
/// not overlapping, until it returns false.
fn scan(text: &str, mut hit: impl FnMut(Range<usize>) -> bool) {
    let bytes = text.as_bytes();
    let mut run = Run { digits: [0; 32], starts: 0, count: 0, groups: [(0, 0); 16], group_count: 0 };
    // Whether the last digit, invisible characters aside, is still in an open group, and
    // where it ends.
    let mut in_group = false;
    let mut group_end = 0;
    let mut i = 0;
    loop {
        if run.count == 0 {
            // Outside a run only a digit matters: skip to the next character that may be one.
            i = skip_to_digit(bytes, i);
        }
        let Some(&b) = bytes.get(i) else { break };
        if b.is_ascii_digit() {
            // ASCII digits, all at once.
            while let Some(&d @ b'0'..=b'9') = bytes.get(i) {
                run.push(d - b'0', i, !in_group);
                in_group = true;
                i += 1;
            }
            group_end = i;
            continue;
        }
        let (class, len) = if b < 0x80 {
            (chars::ascii(b), 1)
        } else {
            // `i` is always at a character boundary: it moves by whole characters.
            let c = text[i..].chars().next().unwrap_or_default();
            (chars::wide(c), c.len_utf8())
        };
        let (digit, ends_group, ends_run) = match class {
            Class::Digit(d) => (Some(d), false, false),
            Class::DigitThenSeparator(d) => (Some(d), true, false),
            Class::Separator => (None, true, false),
            Class::Other => (None, true, true),
            Class::Ignored => (None, false, false),
        };
        if let Some(d) = digit {
            run.push(d, i, !in_group);
            in_group = true;
            group_end = i + len;
        }
        i += len;
        if ends_group && in_group {
            in_group = false;
            if let Some(start) = run.number_start() {
                if !hit(start..group_end) {
                    return;
                }
                run.clear(); // no second number out of the same digits
            }
        }
        if ends_run {
            run.clear();
        }
    }
    if in_group && let Some(start) = run.number_start() {
        hit(start..group_end);
    }
}

/// The offset of the first character at or after `i` that may be a digit: an ASCII digit,
/// or a character beyond ASCII other than the two-byte ones that cannot be a digit (Latin,
/// Greek, Cyrillic, Hebrew and most Arabic letters). Eight bytes at a time.
#[inline]
fn skip_to_digit(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    loop {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            // In each byte's low seven bits: adding 0x50 sets the high bit from 0x30 up,
            // adding 0x46 from 0x3A up; no byte carries into the next.
            let low = w & !HIGH;
            let digits = (low + ONES * 0x50) & !(low + ONES * 0x46) & !w & HIGH;
            let stops = (w & HIGH) | digits;
            if stops == 0 {
                i += 8;
                continue;
            }
            i += stops.trailing_zeros() as usize / 8;
        }
        match bytes.get(i) {
            None | Some(b'0'..=b'9') => return i,
            Some(0..0x80) => i += 1,
            // Leads of U+0080–U+07FF; digits there are U+00B2/B3/B9 (0xC2), U+0660 (0xD9),
            // U+06F0 (0xDB) and U+07C0 (0xDF).
            Some(0xC3..=0xD8 | 0xDA | 0xDC..=0xDE) => i += 2,
            Some(_) => return i,
        }
    }
}

/// Completes nine digits (date and individual number) with the check digits of the rule
/// before 2032, or `None` when no valid number exists for them. For fixtures that need a
/// valid number without writing one into the repository; tests build theirs with the
/// independent implementation in `tests/common/skatteetaten.rs`.
pub fn with_check_digits(nine: &[u32; 9]) -> Option<[u32; 11]> {
    let mut d = [0u32; 11];
    d[..9].copy_from_slice(nine);
    let s1: u32 = W1[..9].iter().zip(nine).map(|(w, x)| w * x).sum::<u32>() % 11;
    d[9] = (11 - s1) % 11;
    if d[9] == 10 {
        return None;
    }
    let s2: u32 = W2[..10].iter().zip(&d[..10]).map(|(w, x)| w * x).sum::<u32>() % 11;
    d[10] = (11 - s2) % 11;
    if d[10] == 10 {
        return None;
    }
    Some(d)
}

#[cfg(test)]
mod tests;
