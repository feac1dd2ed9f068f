//! The target-group parser against the ways municipalities' sheets write target groups.

use super::*;

/// (as written, youngest, oldest, for parents)
const PHRASINGS: &[(&str, u8, u8, bool)] = &[
    // Ages in years, the ways ranges are written.
    ("0-18", 0, 18, false),
    ("6–12 år", 6, 12, false),
    ("6 til 12 år", 6, 12, false),
    ("Fra 6 til 12 år", 6, 12, false),
    ("13+", 13, 120, false),
    ("18 år +", 18, 120, false),
    ("Fra 16 år", 16, 120, false),
    ("16 år og eldre", 16, 120, false),
    ("Over 18 år", 18, 120, false),
    ("Under 18 år", 0, 17, false),
    ("Til og med 18 år", 0, 18, false),
    ("t.o.m. 23 år", 0, 23, false),
    ("16", 16, 16, false),
    ("6 og 7 år", 6, 7, false),
    ("Brukere fra 0-100 år", 0, 100, false),
    ("13-åringer", 13, 13, false),
    // Months and weeks.
    ("0-6 mnd", 0, 0, false),
    ("6 mnd - 3 år", 0, 3, false),
    ("Spedbarn 0-12 uker", 0, 0, false),
    // School grades: 1. trinn is 6 years old.
    ("1.–4. trinn", 6, 9, false),
    ("5.-7. trinn", 10, 12, false),
    ("Elever på 8.–10. trinn", 13, 15, false),
    ("1. og 2. trinn", 6, 7, false),
    ("Elever i 5. klasse", 10, 10, false),
    ("Vg1–Vg3", 16, 18, false),
    ("Ungdomstrinnet", 13, 15, false),
    ("Mellomtrinnet", 10, 12, false),
    ("Elever i videregående skole", 16, 18, false),
    ("Ungdomsskoleelever", 13, 15, false),
    // Words for ages.
    ("Alle", 0, 120, false),
    ("Alle aldre", 0, 120, false),
    ("Voksne", 18, 120, false),
    ("Voksne over 67", 67, 120, false),
    ("Eldre", 65, 120, false),
    ("Ungdom", 13, 18, false),
    ("Ungdom fra 16 år", 16, 18, false),
    ("Barn og unge", 0, 18, false),
    ("Barn og unge 0-18 år", 0, 18, false),
    ("Barn og unge 6–18 år", 6, 18, false),
    ("Barnehagebarn og elever", 1, 18, false),
    ("Barn under 12 år", 0, 11, false),
    ("Barn i barnehagealder", 1, 5, false),
    ("Barnehagebarn", 1, 5, false),
    ("Spedbarn og småbarn", 0, 6, false),
    ("Barn som pårørende", 0, 18, false),
    ("Pårørende", 0, 120, false),
    ("Jenter 13-16 år", 13, 16, false),
    ("Unge voksne 18-25 år", 18, 25, false),
    ("Ungdom og unge voksne 16–25 år", 16, 25, false),
    ("Barn 6–12 år og ungdom", 6, 18, false),
    ("Foreldre og barn 0-6 år", 0, 6, true),
    ("Ansatte i barnehage og skole", 18, 67, false),
    ("Gravide", 15, 50, false),
    ("Kvinner 18+", 18, 120, false),
    ("Innbyggere over 18 år", 18, 120, false),
    // Combinations.
    ("Barn 6-12 år og ungdom 13-18", 6, 18, false),
    ("Barn 6–12 år, ungdom 13–18 år", 6, 18, false),
    ("Barn, ungdom og voksne", 0, 120, false),
    // Parents: the ages are the children's.
    ("Foreldre", 0, 18, true),
    ("Foresatte", 0, 18, true),
    ("Småbarnsforeldre", 0, 6, true),
    ("Barn 0–6 år og foreldre", 0, 6, true),
    ("Foreldre til barn 0-6 år", 0, 6, true),
    ("Foreldre til ungdom", 13, 18, true),
    ("Ungdom og foreldre", 13, 18, true),
    ("Foreldre med barn i barnehagealder", 1, 5, true),
    ("Familier med barn 0-18 år", 0, 18, true),
    ("Barnefamilier", 0, 18, true),
    ("Hele familien", 0, 18, true),
    ("Nybakte foreldre", 0, 1, true),
    ("Gravide og småbarnsforeldre", 0, 6, true),
    ("Foreldre og voksne", 0, 18, true),
    ("Fosterforeldre", 0, 18, true),
    ("Foreldre til barn 1.–4. trinn", 6, 9, true),
];

#[test]
fn the_ways_sheets_write_target_groups() {
    assert!(PHRASINGS.len() >= 40);
    let mut wrong = Vec::new();
    for &(text, min, max, parents) in PHRASINGS {
        let want = Ok(Ages { min, max, parents });
        let got = parse_target(text);
        if got != want {
            wrong.push(format!("{text:?}: {got:?}, want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn parents_are_never_read_as_the_elderly() {
    for text in ["Foreldre", "Småbarnsforeldre", "Besteforeldre", "foreldrene"] {
        let ages = parse_target(text).unwrap();
        assert!(ages.parents && ages.max <= 18, "{text:?}: {ages:?}");
    }
}

#[test]
fn what_cannot_be_read_says_so() {
    assert_eq!(parse_target(""), Err(TargetError::Unreadable));
    assert_eq!(parse_target("for de fleste"), Err(TargetError::Unreadable));
    assert_eq!(parse_target("Jenter"), Err(TargetError::Unreadable));
    assert_eq!(parse_target("Barn født 2019"), Err(TargetError::Unreadable));
    assert_eq!(parse_target("18-6"), Err(TargetError::Reversed(18, 6)));
}
