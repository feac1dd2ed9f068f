//! Test support shared by the unit tests: a sample team, sample cases, and proptest
//! strategies for cases. Fictional people only.

use chrono::NaiveDate;
use proptest::prelude::*;

use crate::lang::Lang;
use crate::model::team::HolidaySpan;
use crate::model::{
    Answer, Case, CaseId, Config, Consent, ConsentBy, Decision, DecisionChange, MeetingRules, Outcome,
    Person, Proposal, Provider, Referrer, SchoolHoliday, Situation, Status, Unit, User, WayIn,
};

/// A date, for brevity.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A team with the seeds' units.
pub fn config() -> Config {
    let unit = |id: &str, name: &str, standing| Unit { id: id.into(), name: name.into(), standing };
    Config {
        team: "Ressursteam Testby".into(),
        language: Lang::Nb,
        leader: Some(Person {
            name: "Ingrid Leder".into(),
            email: "ingrid@example.org".into(),
            unit: "kommunepsykolog".into(),
        }),
        units: vec![
            unit("helsestasjon", "Helsestasjon og skolehelsetjeneste", true),
            unit("psykisk-helse-rus", "Psykisk helse- og rustjeneste", true),
            unit("barnevern", "Barneverntjenesten", true),
            unit("fysio-ergo", "Fysioterapi- og ergoterapitjenesten", true),
            unit("kommunepsykolog", "Kommunepsykolog", true),
            unit("nav", "NAV", false),
        ],
        providers: vec![
            Provider {
                id: "kulturskole".into(),
                name: "Testby kulturskole".into(),
                contact: String::new(),
                link: String::new(),
            },
            Provider {
                id: "ppt".into(),
                name: "Pedagogisk-psykologisk tjeneste (PPT)".into(),
                contact: String::new(),
                link: String::new(),
            },
        ],
        members: vec![],
        contacts: vec![],
        meetings: MeetingRules::default(),
        school_holidays: vec![SchoolHoliday {
            name: "Vinterferie".into(),
            span: HolidaySpan::Weeks { year: 2027, weeks: vec![8] },
        }],
        retention_days: 180,
        self_consent_age: 16,
        small_numbers: true,
        auto_commit: false,
        decision_days: 14,
        mail: None,
    }
}

/// A regular meeting on a day (12:30, 90 minutes), neither moved nor cancelled.
pub fn meeting(date: NaiveDate) -> crate::model::Meeting {
    crate::model::Meeting {
        date,
        start: chrono::NaiveTime::from_hms_opt(12, 30, 0).expect("a valid time"),
        minutes: 90,
        place: String::new(),
        uid: crate::model::meeting::uid_for("t", date),
        sequence: 0,
        cancelled: None,
        moved_from: None,
        attendance: None,
    }
}

/// A valid BTI case about a child, referred 2027-01-05.
pub fn bti_case() -> Case {
    Case {
        schema: 1,
        id: CaseId::parse("2027-01-05-k7q2").unwrap(),
        way_in: WayIn::Bti,
        status: Status::Referred,
        referred: d(2027, 1, 5),
        meeting: None,
        bti_level: Some(1),
        leader_consulted: Some(d(2027, 1, 4)),
        invite: vec![],
        closed: None,
        closed_reason: String::new(),
        anonymised: None,
        age_band: None,
        anonymous_since: None,
        referrer: Referrer { name: "Kari Helse".into(), unit: "helsestasjon".into() },
        user: User::Known { initials: "A.B.".into(), born: d(2019, 4, 12) },
        consent: Some(Consent {
            given_by: ConsentBy::Guardian,
            date: d(2027, 1, 4),
            units: vec!["barnevern".into(), "fysio-ergo".into()],
            expires: None,
            withdrawn: None,
        }),
        situation: Situation {
            concern: "Uro i barnehagen.\nSover dårlig.".into(),
            tried: "Samtaler med foreldrene.".into(),
            wishes: "Foreldrene ønsker ro i hverdagen.".into(),
            question: String::new(),
        },
        outcome: None,
        decision: None,
        followup: None,
    }
}

fn date_strategy() -> impl Strategy<Value = NaiveDate> {
    (0i64..30_000).prop_map(|n| d(1950, 1, 1) + chrono::Duration::days(n))
}

fn text_strategy() -> impl Strategy<Value = String> {
    // Any printable text, with line breaks, quotes and Norwegian letters.
    "[a-zA-ZæøåÆØÅ0-9 .,:;!?'\"\\\\#=\\[\\]{}\n-]{0,60}"
}

/// Arbitrary cases: every field varied, values of every shape TOML must carry.
pub fn case_strategy() -> impl Strategy<Value = Case> {
    let user = prop_oneof![
        ("[A-ZÆØÅ]\\.[A-ZÆØÅ]\\.", date_strategy())
            .prop_map(|(initials, born)| User::Known { initials, born }),
        proptest::option::of(0u8..110).prop_map(|age| User::Anonymous { age }),
        Just(User::Nobody),
        Just(User::Removed),
    ];
    let consent = proptest::option::of(
        (
            prop_oneof![Just(ConsentBy::User), Just(ConsentBy::Guardian), Just(ConsentBy::SelfConsent)],
            date_strategy(),
            proptest::collection::vec("[a-z-]{1,12}", 0..3),
            proptest::option::of(date_strategy()),
            proptest::option::of(date_strategy()),
        )
            .prop_map(|(given_by, date, units, expires, withdrawn)| Consent {
                given_by,
                date,
                units,
                expires,
                withdrawn,
            }),
    );
    let outcome = proptest::option::of(
        (
            date_strategy(),
            text_strategy(),
            text_strategy(),
            proptest::collection::vec(
                ("[a-z-]{1,12}", "[a-z-]{1,12}", proptest::option::of(date_strategy())),
                0..3,
            ),
            any::<bool>(),
            proptest::option::of(date_strategy()),
            "[A-Za-zæøå ]{0,20}",
        )
            .prop_map(|(date, assessment, next_step, proposed, level2, follow_up, coordinator)| {
                Outcome {
                    date,
                    assessment,
                    next_step,
                    proposed: proposed
                        .into_iter()
                        .map(|(measure, unit, evaluate)| Proposal { measure, unit, evaluate })
                        .collect(),
                    level2,
                    follow_up,
                    coordinator,
                }
            }),
    );
    let decision = proptest::option::of(
        (
            date_strategy(),
            proptest::collection::vec("[a-z-]{1,12}", 0..3),
            proptest::collection::vec("[a-z-]{1,12}", 0..3),
            proptest::collection::vec(
                (date_strategy(), "[a-z-]{1,12}", any::<bool>()).prop_map(|(date, measure, yes)| {
                    DecisionChange {
                        date,
                        measure,
                        to: if yes { Answer::Accepted } else { Answer::Declined },
                    }
                }),
                0..2,
            ),
        )
            .prop_map(|(date, accepted, declined, changes)| Decision {
                date,
                accepted,
                declined,
                changes,
            }),
    );
    let situation = (text_strategy(), text_strategy(), text_strategy(), text_strategy())
        .prop_map(|(concern, tried, wishes, question)| Situation { concern, tried, wishes, question });
    let followup = proptest::option::of(followup_strategy());
    (
        (date_strategy(), any::<u64>(), 0usize..3, 0usize..5, proptest::option::of(date_strategy())),
        (
            proptest::option::of(0u8..=3),
            proptest::option::of(date_strategy()),
            proptest::collection::vec("[A-Za-zæøå ]{1,20}", 0..3),
        ),
        (
            proptest::option::of(date_strategy()),
            "[A-Za-zæøå .]{0,20}",
            proptest::option::of(date_strategy()),
            proptest::option::of(prop_oneof![Just("0-5"), Just("6-12"), Just("67+"), Just("unknown")]),
            proptest::option::of(date_strategy()),
        ),
        ("[A-Za-zæøå ]{1,20}", "[a-z-]{1,12}"),
        (user, consent, situation, outcome, decision, followup),
    )
        .prop_map(
            |(
                (referred, seed, way, status, meeting),
                (bti_level, leader_consulted, invite),
                (closed, closed_reason, anonymised, age_band, anonymous_since),
                (name, unit),
                (user, consent, situation, outcome, decision, followup),
            )| Case {
                schema: 1,
                id: CaseId::random(referred, &mut fastrand::Rng::with_seed(seed)),
                way_in: WayIn::ALL[way],
                status: Status::ALL[status],
                referred,
                meeting,
                bti_level,
                leader_consulted,
                invite,
                closed,
                closed_reason,
                anonymised,
                age_band: age_band.map(String::from),
                anonymous_since,
                referrer: Referrer { name, unit },
                user,
                consent,
                situation,
                outcome,
                decision,
                followup,
            },
        )
}

/// Any follow-up (R13), for round trips.
fn followup_strategy() -> impl Strategy<Value = crate::model::Followup> {
    use crate::model::followup::{
        EndReason, Entry, Evaluation, Goal, Handover, Participant, PlannedMeasure, Verdict,
    };
    let name = "[A-Za-zæøå ]{1,20}";
    (
        (date_strategy(), name, proptest::option::of((date_strategy(), 0usize..4))),
        proptest::collection::vec((text_strategy(), date_strategy()), 0..3),
        proptest::collection::vec(
            ("[a-z-]{1,12}", name, date_strategy(), proptest::option::of(1u32..4)),
            0..3,
        ),
        proptest::collection::vec(("[a-z-]{1,12}", text_strategy(), date_strategy()), 0..3),
        proptest::collection::vec(
            (name, name, date_strategy(), proptest::option::of((any::<bool>(), date_strategy()))),
            0..3,
        ),
        proptest::collection::vec((date_strategy(), name, text_strategy()), 0..3),
        proptest::collection::vec(("[a-z-]{1,12}", date_strategy(), 0usize..3, text_strategy()), 0..3),
    )
        .prop_map(
            |((started, holder, ended), goals, measures, participants, handovers, log, evaluations)| {
                crate::model::Followup {
                    started,
                    holder,
                    goals: goals.into_iter().map(|(text, set)| Goal { text, set }).collect(),
                    measures: measures
                        .into_iter()
                        .map(|(measure, responsible, evaluate, goal)| PlannedMeasure {
                            measure,
                            responsible,
                            evaluate,
                            goal,
                        })
                        .collect(),
                    participants: participants
                        .into_iter()
                        .map(|(unit, task, joined)| Participant { unit, task, joined })
                        .collect(),
                    handovers: handovers
                        .into_iter()
                        .map(|(from, to, proposed, answer)| Handover { from, to, proposed, answer })
                        .collect(),
                    log: log.into_iter().map(|(date, by, text)| Entry { date, by, text }).collect(),
                    evaluations: evaluations
                        .into_iter()
                        .map(|(measure, date, v, note)| Evaluation {
                            measure,
                            date,
                            verdict: Verdict::ALL[v],
                            note,
                        })
                        .collect(),
                    ended: ended.map(|(d, r)| (d, EndReason::ALL[r])),
                }
            },
        )
}
