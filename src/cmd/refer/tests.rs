use super::*;
use crate::testing::{config, d};

fn args() -> Args {
    Args {
        way: Some(WayIn::Bti),
        initials: Some("a.b.".into()),
        born: Some(d(2019, 4, 12)),
        consent: true,
        copy_to: vec!["barnevern".into()],
        leader_consulted: true,
        referrer: Some("Kari Helse".into()),
        unit: Some("helsestasjon".into()),
        concern: Some("  Uro i barnehagen\r\n".into()),
        tried: Some("Samtaler".into()),
        wishes: Some("Ro".into()),
        ..Args::default()
    }
}

#[test]
fn a_complete_referral_builds_a_valid_case() {
    let today = d(2027, 1, 5);
    let (case, findings) = build(&args(), &config(), today);
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(case.user, User::Known { initials: "A.B.".into(), born: d(2019, 4, 12) });
    assert_eq!(case.situation.concern, "Uro i barnehagen");
    assert_eq!(case.bti_level, Some(1));
    assert_eq!(case.status, Status::Referred);
    let consent = case.consent.as_ref().unwrap();
    assert_eq!(consent.given_by, ConsentBy::Guardian, "a 7-year-old's guardian consents");
    assert_eq!(consent.date, today);
    let cx = RuleContext { config: &config(), measures: None, today };
    assert!(rules::case::check(&case, &cx).is_empty());
}

#[test]
fn who_consents_follows_from_age_except_between_consent_age_and_18() {
    let today = d(2027, 1, 5);
    let mut a = args();
    a.born = Some(d(1990, 1, 1));
    assert_eq!(build(&a, &config(), today).0.consent.unwrap().given_by, ConsentBy::User);
    a.born = Some(d(2010, 1, 1)); // 17
    let (_, findings) = build(&a, &config(), today);
    assert!(findings.iter().any(|f| matches!(f.problem, Problem::ConsentByNeeded { age: 17, self_age: 16 })));
    a.consent_by = Some(ConsentBy::SelfConsent);
    assert!(build(&a, &config(), today).1.is_empty());
}

#[test]
fn missing_answers_are_each_named_with_their_flag() {
    let (_, findings) = build(&Args::default(), &config(), d(2027, 1, 5));
    let flags: Vec<&str> = findings.iter().filter_map(|f| f.field.flag()).collect();
    for flag in ["--way", "--unit", "--initials", "--born"] {
        assert!(flags.contains(&flag), "{flag} in {flags:?}");
    }
}

#[test]
fn a_standing_member_needs_no_unit() {
    let mut cfg = config();
    cfg.members.push(crate::model::Person {
        name: "Kari Helse".into(),
        email: "kari@example.org".into(),
        unit: "helsestasjon".into(),
    });
    let mut a = args();
    a.unit = None;
    let (case, findings) = build(&a, &cfg, d(2027, 1, 5));
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(case.referrer.unit, "helsestasjon");
}

#[test]
fn the_dialogue_fills_what_is_missing() {
    let input =
        "n\n1\nKari Helse\nhelsestasjon\nn\nA.B.\n2019-04-12\nj\nbarnevern\nj\nUro\n\nSamtaler\n\nRo\n\n\n\n";
    let mut a = Args::default();
    let mut p = Prompter::new(input.as_bytes(), Vec::new(), Lang::Nb);
    dialogue::fill(&mut a, &config(), d(2027, 1, 5), &mut p).unwrap();
    let (case, findings) = build(&a, &config(), d(2027, 1, 5));
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(case.way_in, WayIn::Bti);
    assert_eq!(case.consent.unwrap().units, vec!["barnevern".to_string()]);
    assert_eq!(case.situation.wishes, "Ro");
}

#[test]
fn the_dialogue_stops_at_once_on_violence() {
    let mut p = Prompter::new("ja\n".as_bytes(), Vec::new(), Lang::Nb);
    let result = dialogue::fill(&mut Args::default(), &config(), d(2027, 1, 5), &mut p);
    assert!(matches!(result, Err(Error::Stop(Problem::Violence))));
}
