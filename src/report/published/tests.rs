//! The disclosure decision on whole half-years of figures.

use super::*;
use crate::report::figures::Tally;

fn pairs(keys: &[&str], values: &[usize]) -> Vec<(String, usize)> {
    keys.iter().zip(values).map(|(k, n)| (k.to_string(), *n)).collect()
}

/// The demo's 2026H2 as of 23 November 2026.
fn demo() -> Figures {
    let t = |measures, cases| Tally { measures, cases };
    Figures {
        half: "2026H2".into(),
        cases: 9,
        referred: 9,
        discussed: 5,
        by_way: pairs(&["bti", "user-case", "guidance"], &[4, 3, 2]),
        by_unit: pairs(&["hs", "phr", "bv", "fe", "kp", "nav"], &[4, 2, 1, 2, 0, 0]),
        by_age: pairs(&["0-5", "6-12", "13-18", "19-25", "26-66", "67+", "unknown"], &[1, 2, 2, 1, 1, 1, 1]),
        by_month: pairs(&["07", "08", "09", "10", "11", "12"], &[0, 1, 2, 1, 5, 0]),
        anonymous: 2,
        anonymised_later: 0,
        bti: 4,
        level2: 1,
        proposed: t(10, 5),
        proposed_by_unit: ["hs", "phr", "bv", "fe", "kp", "nav"]
            .iter()
            .zip([t(3, 3), t(1, 1), t(2, 2), t(1, 1), t(2, 2), t(1, 1)])
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        accepted: t(4, 2),
        days_median: Some(14.0),
        days_max: Some(15),
        meetings_planned: 6,
        meetings_held: 5,
        meetings_cancelled: 0,
        cases_per_meeting: Some(1.0),
        in_held_meetings: 5,
        capacity: 3,
        waiting_decision: 3,
        in_follow_up: 1,
        closed: 1,
        with_stafettlogg: 0,
        evaluations_due: t(0, 0),
        evaluations_on_time: t(0, 0),
        ended_by_reason: pairs(
            &["goal-reached", "concern-gone", "individual-plan", "user-ended"],
            &[0, 0, 0, 0],
        ),
        followups_ended: 0,
    }
}

fn hidden(v: &[(String, Shown<usize>)]) -> Vec<&str> {
    v.iter().filter(|(_, s)| *s == Shown::Hidden).map(|(k, _)| k.as_str()).collect()
}

#[test]
fn the_demo_hides_what_would_give_a_small_count_away() {
    let p = Published::new(&demo(), true);
    assert_eq!(p.cases, Shown::Value(9));
    // Guidance 2 would be 9 − 4 − 3: user cases go with it. BTI is the same cell in the key.
    assert_eq!(hidden(&p.by_way), ["user-case", "guidance"]);
    assert_eq!(p.bti, Shown::Value(4));
    // Seven small age cells of 9 can each be 1, 2 or 3: nothing more is needed.
    assert_eq!(hidden(&p.by_age).len(), 7);
    assert_eq!(hidden(&p.by_unit), ["phr", "bv", "fe"]);
    // August–October (4 in all) would each be 1 or 2 beside a shown November.
    assert_eq!(hidden(&p.by_month), ["08", "09", "10", "11"]);
    assert_eq!(hidden(&p.proposed_by_unit), ["phr", "bv", "fe", "kp", "nav"]);
    assert_eq!(p.proposed, Shown::Value(10));
    assert_eq!((p.anonymous, p.anonymous_share), (Shown::Hidden, Shown::Hidden));
    assert_eq!(
        (p.level2, p.accepted, p.in_follow_up, p.closed),
        (Shown::Hidden, Shown::Hidden, Shown::Hidden, Shown::Hidden)
    );
    // Waiting 3 and in follow-up 1 of 5 discussed: beside a shown 3, follow-up would be 1 or 2.
    assert_eq!(p.waiting_decision, Shown::Hidden);
    assert_eq!(p.discussed, Shown::Value(5));
    assert_eq!(p.cases_per_meeting, Shown::Value(1.0));
}

#[test]
fn nothing_is_hidden_when_the_team_turns_it_off() {
    let p = Published::new(&demo(), false);
    assert_eq!(hidden(&p.by_way), Vec::<&str>::new());
    assert_eq!(p.anonymous_share, Shown::Value(22));
    assert_eq!(p.accepted, Shown::Value(4));
    assert_eq!(
        p.json()["by_month"],
        serde_json::json!([["07", 0], ["08", 1], ["09", 2], ["10", 1], ["11", 5], ["12", 0]])
    );
}

#[test]
fn a_share_and_cases_per_meeting_follow_their_counts() {
    let mut f = demo();
    f.anonymous = 3;
    f.by_age = pairs(&["0-5", "unknown"], &[6, 3]);
    let p = Published::new(&f, true);
    assert_eq!(p.anonymous_share, Shown::Value(33));
    f.discussed = 2;
    f.waiting_decision = 1;
    f.in_follow_up = 1;
    let p = Published::new(&f, true);
    assert_eq!(p.discussed, Shown::Hidden);
    assert_eq!(p.cases_per_meeting, Shown::Hidden, "1.0 per meeting × 5 meetings would say 5");
    let empty = Published::new(&Figures { half: "2026H1".into(), ..Figures::default() }, true);
    assert_eq!((empty.anonymous_share, empty.cases_per_meeting), (Shown::Undefined, Shown::Undefined));
}
