use proptest::prelude::*;

use super::*;
use crate::model::{Decision, Outcome, Proposal};
use crate::problem::Problem;
use crate::testing::{bti_case, case_strategy, d};

fn read_ok(text: &str) -> Case {
    let r = read("cases/2027/x.toml", text);
    assert!(r.diags.is_empty(), "{:?}\n{text}", r.diags);
    r.case.expect("a case")
}

#[test]
fn a_new_file_reads_back_as_the_same_case() {
    let case = bti_case();
    let text = new_text(&case);
    assert!(text.starts_with("# Sak i ressursteamet"), "{text}");
    assert!(text.contains("way_in = \"bti\"  # bti | user-case | guidance"), "{text}");
    // Multi-line texts are written as readable TOML blocks, not escaped.
    assert!(text.contains("concern = \"\"\"\nUro i barnehagen.\nSover dårlig.\"\"\""), "{text}");
    assert_eq!(read_ok(&text), case);
}

#[test]
fn tables_come_in_canonical_order() {
    let mut case = bti_case();
    case.outcome = Some(Outcome {
        date: d(2027, 1, 19),
        assessment: "a".into(),
        next_step: "b".into(),
        proposed: vec![Proposal { measure: "m".into(), unit: "barnevern".into(), evaluate: None }],
        level2: false,
        follow_up: None,
        coordinator: String::new(),
    });
    let text = new_text(&case);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} missing in {text}"));
    assert!(at("[referrer]") < at("[user]"));
    assert!(at("[user]") < at("[consent]"));
    assert!(at("[consent]") < at("[situation]"));
    assert!(at("[situation]") < at("[outcome]"));
    assert!(at("[outcome]") < at("[[outcome.proposed]]"));
}

#[test]
fn a_rewrite_keeps_comments_hand_edits_and_unknown_keys() {
    let case = bti_case();
    let text = new_text(&case)
        .replace("[situation]", "# Meldt etter telefon med mor.\n[situation]")
        .replace("referred = 2027-01-05", "referred = 2027-01-05   # etter møte i barnehagen")
        + "\n[extra]\nsaksnummer_gerica = \"G-117\"\n";
    let mut doc: DocumentMut = text.parse().unwrap();
    let mut changed = read_ok(&text);
    changed.status = Status::Scheduled;
    changed.meeting = Some(d(2027, 1, 19));
    changed.outcome = Some(Outcome {
        date: d(2027, 1, 19),
        assessment: "Trenger mer kartlegging.".into(),
        next_step: "Samtale med foreldre.".into(),
        proposed: vec![],
        level2: true,
        follow_up: Some(d(2027, 3, 1)),
        coordinator: "Kari Helse".into(),
    });
    apply(&changed, &mut doc);
    let out = doc.to_string();
    assert!(out.contains("# Meldt etter telefon med mor.\n[situation]"), "{out}");
    assert!(out.contains("referred = 2027-01-05   # etter møte i barnehagen"), "{out}");
    assert!(out.contains("status = \"scheduled\"  # referred | scheduled"), "{out}");
    assert!(out.contains("saksnummer_gerica = \"G-117\""), "{out}");
    assert!(out.find("\n[outcome]").unwrap() < out.find("\n[extra]").unwrap(), "{out}");
    // A key added by the rewrite takes its canonical place, not the end.
    assert!(
        out.contains("referred = 2027-01-05   # etter møte i barnehagen\nmeeting = 2027-01-19\n"),
        "{out}"
    );
    assert_eq!(read_ok(&out), changed);
}

#[test]
fn an_unchanged_case_rewrites_to_the_same_bytes() {
    let text = new_text(&bti_case()) + "# slutt\n";
    let mut doc: DocumentMut = text.parse().unwrap();
    apply(&read_ok(&text), &mut doc);
    assert_eq!(doc.to_string(), text);
}

#[test]
fn anonymous_and_guidance_cases() {
    let mut case = bti_case();
    case.user = User::Anonymous { age: Some(7) };
    case.consent = None;
    let text = new_text(&case);
    assert!(text.contains("[user]\nanonymous = true\nage = 7"), "{text}");
    assert_eq!(read_ok(&text), case);

    case.way_in = WayIn::Guidance;
    case.bti_level = None;
    case.user = User::Nobody;
    let text = new_text(&case);
    assert!(!text.contains("[user]"), "{text}");
    assert_eq!(read_ok(&text), case);
}

#[test]
fn identity_on_an_anonymous_case_is_reported_where_it_stands() {
    let text = new_text(&bti_case()).replace("[user]\n", "[user]\nanonymous = true\n");
    let r = read("cases/2027/x.toml", &text);
    assert!(r.case.is_none());
    let lines: Vec<usize> = r
        .diags
        .iter()
        .filter(|d| d.problem == Problem::IdentityOnAnonymous)
        .map(|d| d.pos.unwrap().line)
        .collect();
    let initials_line = text.lines().position(|l| l.starts_with("initials")).unwrap() + 1;
    assert_eq!(lines, vec![initials_line, initials_line + 1]);
}

#[test]
fn a_newer_schema_is_read_with_a_warning_and_unknown_keys_tolerated() {
    let text = new_text(&bti_case()).replace("schema = 1", "schema = 2\nnew_field = 1");
    let r = read("cases/2027/x.toml", &text);
    assert!(r.newer);
    assert!(r.case.is_some());
    assert_eq!(r.diags.len(), 1);
    assert!(matches!(r.diags[0].problem, Problem::NewerSchema { found: 2, known: 1 }));
}

/// The canonical rank of each table header in a file, in the order they stand.
fn header_ranks(text: &str) -> Vec<usize> {
    let order = [
        "[referrer]",
        "[user]",
        "[consent]",
        "[situation]",
        "[outcome]",
        "[[outcome.proposed]]",
        "[decision]",
        "[extra]",
    ];
    text.lines().filter_map(|l| order.iter().position(|h| l.trim() == *h)).collect()
}

#[test]
fn a_decision_added_later_goes_after_the_proposals() {
    let mut case = bti_case();
    case.status = Status::Discussed;
    case.outcome = Some(Outcome {
        date: d(2027, 1, 19),
        assessment: "a".into(),
        next_step: "b".into(),
        proposed: vec![
            Proposal { measure: "m1".into(), unit: "barnevern".into(), evaluate: None },
            Proposal { measure: "m2".into(), unit: "barnevern".into(), evaluate: None },
        ],
        level2: false,
        follow_up: None,
        coordinator: String::new(),
    });
    let text = new_text(&case) + "\n[extra]\nx = 1\n";
    let mut doc: DocumentMut = text.parse().unwrap();
    case.status = Status::Decided;
    case.decision = Some(Decision {
        date: d(2027, 1, 26),
        accepted: vec!["m1".into()],
        declined: vec![],
        changes: vec![],
    });
    apply(&case, &mut doc);
    let out = doc.to_string();
    let ranks = header_ranks(&out);
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}\n{out}");
    assert_eq!(read_ok(&out), case);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_case_survives_write_then_read(case in case_strategy()) {
        let text = new_text(&case);
        let r = read("cases/x.toml", &text);
        prop_assert!(r.diags.is_empty(), "{:?}\n{}", r.diags, text);
        prop_assert_eq!(r.case.as_ref(), Some(&case), "{}", text);
    }

    #[test]
    fn applying_a_case_to_its_own_file_changes_nothing(case in case_strategy()) {
        let text = new_text(&case);
        let mut doc: DocumentMut = text.parse().unwrap();
        apply(&case, &mut doc);
        prop_assert_eq!(doc.to_string(), text);
    }

    #[test]
    fn rewriting_one_case_into_another_reads_back_as_the_other(a in case_strategy(), b in case_strategy()) {
        let mut doc: DocumentMut = new_text(&a).parse().unwrap();
        apply(&b, &mut doc);
        let text = doc.to_string();
        let r = read("cases/x.toml", &text);
        prop_assert!(r.diags.is_empty(), "{:?}\n{}", r.diags, text);
        prop_assert_eq!(r.case.as_ref(), Some(&b), "{}", text);
        // And the tables stand in their canonical order, however the file was before.
        let ranks = header_ranks(&text);
        prop_assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{:?}\n{}", ranks, text);
    }
}
