//! Unit tests of the checker and the scanner. The scanner is compared with an obvious
//! quadratic reading of the rule; the check digits are tested against an independent
//! implementation in `tests/national_id.rs`.

use super::*;

fn digits(s: &str) -> [u32; 11] {
    let v: Vec<u32> = s.chars().map(|c| c.to_digit(10).unwrap()).collect();
    v.try_into().unwrap()
}

fn text(d: &[u32]) -> String {
    d.iter().map(|x| char::from_digit(*x, 10).unwrap()).collect()
}

/// A valid number for a fictional date and individual number, with its check digits
/// computed here rather than written into the repository.
fn valid(date: &str, individual: &str) -> String {
    let mut nine = [0u32; 9];
    for (i, c) in date.chars().chain(individual.chars()).enumerate() {
        nine[i] = c.to_digit(10).unwrap();
    }
    let full = (0..)
        .find_map(|k: u32| {
            let mut n = nine;
            n[8] = (n[8] + k) % 10;
            with_check_digits(&n)
        })
        .unwrap();
    text(&full)
}

/// The rule read the obvious way: normalise the whole text into runs of digit groups, then
/// try every sequence of whole groups in every run.
fn oracle(text: &str) -> bool {
    let mut runs: Vec<Vec<Vec<u8>>> = vec![vec![]];
    let mut open = false;
    for c in text.chars() {
        let class = if c.is_ascii() { chars::ascii(c as u8) } else { chars::wide(c) };
        let run = runs.last_mut().unwrap();
        match class {
            Class::Digit(d) | Class::DigitThenSeparator(d) => {
                if !open {
                    run.push(vec![]);
                }
                run.last_mut().unwrap().push(d);
                open = !matches!(class, Class::DigitThenSeparator(_));
            }
            Class::Separator => open = false,
            Class::Other => {
                open = false;
                runs.push(vec![]);
            }
            Class::Ignored => {}
        }
    }
    runs.iter().any(|groups| {
        (0..groups.len()).any(|i| {
            (i..groups.len()).any(|j| {
                let all: Vec<u32> = groups[i..=j].iter().flatten().map(|&d| u32::from(d)).collect();
                all.len() == 11 && is_national_id(&all.try_into().unwrap())
            })
        })
    })
}

proptest::proptest! {
    #[test]
    fn the_one_pass_scan_agrees_with_the_obvious_one(
        parts in proptest::collection::vec(
            ("[0-9]{1,12}", "[ .\\-a/_,:\u{a0}\u{ad}\u{200b}\u{2013}xø⒈\u{301}٣]{0,2}", 0u8..8),
            0..8,
        ),
    ) {
        // Valid numbers in various groupings, so that hits are common.
        let mut text = String::new();
        for (n, (digits, sep, how)) in parts.iter().enumerate() {
            let v = valid("150690", &format!("{:03}", (n * 37 + digits.len()) % 1000));
            let piece = match how {
                0 => v,
                1 => format!("{} {}", &v[..6], &v[6..]),
                2 => format!("{}.{}.{} {}", &v[..2], &v[2..4], &v[4..6], &v[6..]),
                3 => format!("{}\u{ad}{}", &v[..4], &v[4..]),
                4 => v.chars().map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap()).collect(),
                _ => digits.clone(),
            };
            text.push_str(&piece);
            text.push_str(sep);
        }
        proptest::prop_assert_eq!(contains_national_id(&text), oracle(&text), "{:?}", text);
        // Redaction leaves nothing the scanner finds.
        proptest::prop_assert!(!contains_national_id(&redact(&text)), "{:?}", text);
    }
}

#[test]
fn accepts_a_valid_fodselsnummer() {
    let n = valid("150690", "123");
    assert!(is_national_id(&digits(&n)));
    assert!(contains_national_id(&format!("gutt, fnr {n}, bor hos mor")));
}

#[test]
fn refuses_a_wrong_check_digit() {
    let n = valid("150690", "123");
    let mut d = digits(&n);
    d[10] = (d[10] + 1) % 10;
    assert!(!is_national_id(&d));
    assert!(!contains_national_id(&text(&d)));
}

#[test]
fn accepts_d_numbers_and_h_numbers() {
    let d_number = valid("550690", "123"); // day 15 + 40
    assert!(is_national_id(&digits(&d_number)));
    let h_number = valid("154690", "123"); // month 6 + 40
    assert!(is_national_id(&digits(&h_number)));
    let not_a_date = valid("159990", "123");
    assert!(!is_national_id(&digits(&not_a_date)));
}

#[test]
fn find_gives_the_range_in_the_original_text() {
    let n = valid("010203", "456");
    let spelled = format!("{}\u{200b}{}.{} {}", &n[..2], &n[2..4], &n[4..6], &n[6..]);
    let text = format!("Født «{spelled}», bor hos mor.");
    let range = find(&text).unwrap();
    assert_eq!(&text[range], spelled);
    assert_eq!(redact(&text), "Født «•••», bor hos mor.");
    assert!(matches!(redact("ingenting her 12345678"), Cow::Borrowed(_)));
}

#[test]
fn redact_replaces_every_number_and_keeps_the_rest() {
    let a = valid("010203", "456");
    let b = valid("550690", "123");
    let text = format!("{a} og {} {} , tlf 912 34 567", &b[..6], &b[6..]);
    assert_eq!(redact(&text), "••• og ••• , tlf 912 34 567");
}

#[test]
fn ignores_longer_numbers_and_ordinary_text() {
    let n = valid("010203", "456");
    assert!(!contains_national_id(&format!("1{n}")));
    assert!(!contains_national_id(&format!("{n}0")));
    assert!(!contains_national_id("ringte 12345678 den 2027-01-05 kl 12:30"));
    assert!(!contains_national_id(""));
    // Eleven zeros: the right shape, no real date.
    assert!(!contains_national_id(&"0".repeat(11)));
}

#[test]
fn the_whole_number_must_start_and_end_on_group_boundaries() {
    let n = valid("010203", "456");
    // Other groups before and after in the same run do not hide it …
    assert!(contains_national_id(&format!("12 {n} 34")));
    assert!(contains_national_id(&format!("2027-01-05 {} {}", &n[..6], &n[6..])));
    // … but a group that straddles its start or end does.
    assert!(!contains_national_id(&format!("{}9 {}", &n[..6], &n[6..])));
    assert!(!contains_national_id(&format!("{} {}9", &n[..6], &n[6..])));
    assert!(!contains_national_id(&format!("9{} {}", &n[..6], &n[6..])));
}
