//! Writes a synthetic team folder for benchmarks: the demo's `rt.toml` and tiltaksbank, and
//! N cases spread over ten years, every way in and status, with measures from the catalogue,
//! deterministic from a seed. Fictional by construction: initials and dates are drawn at random.
//!
//!     cargo run --release --example generate -- DIR N [SEED]
//!
//! Not part of `rt`'s user surface; `bench/run.sh` uses it.

use std::path::PathBuf;

use chrono::{Duration, NaiveDate};
use rt::model::{
    Case, CaseId, Consent, ConsentBy, Decision, Outcome, Proposal, Referrer, Situation, Status, User, WayIn,
};
use rt::store::{TeamDir, case_file, tiltak_file};

const CONFIG: &str = include_str!("../rt.toml");
const BANK: &str = include_str!("../tiltaksbank.toml");
const UNITS: [&str; 5] = ["helsestasjon", "psykisk-helse-rus", "barnevern", "fysio-ergo", "kommunepsykolog"];
const NAMES: [&str; 6] =
    ["Marit Haugen", "Jonas Lie Berg", "Samira Khan", "Eirik Moen", "Hanne Vik", "Ingrid Solberg"];

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (args.next(), args.next()) else {
        eprintln!("usage: generate DIR N [SEED]");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let n: usize = n.parse().expect("N is a number");
    let seed: u64 = args.next().map_or(2026, |s| s.parse().expect("SEED is a number"));
    let mut rng = fastrand::Rng::with_seed(seed);
    std::fs::create_dir_all(dir.join("cases")).expect("the folder");
    // Ten years of history, none of it scheduled in the future: the folder checks clean.
    std::fs::write(dir.join("rt.toml"), CONFIG).expect("rt.toml");
    std::fs::write(dir.join("tiltaksbank.toml"), BANK).expect("tiltaksbank.toml");
    let (bank, _) = tiltak_file::read("tiltaksbank.toml", BANK, None);
    let (config, _) = rt::store::config_file::read("rt.toml", CONFIG);
    let config = config.expect("the demo's rt.toml");
    let team = TeamDir::new(&dir);
    let first = NaiveDate::from_ymd_opt(2016, 12, 1).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    // The last referral leaves time for its meeting (≤ 28 days) and the user's decision (a
    // week later) to have happened by today: nothing is dated ahead of it.
    let span = (today - Duration::days(35) - first).num_days();
    let mut written = 0;
    while written < n {
        let referred = first + Duration::days(rng.i64(0..span));
        let way = WayIn::ALL[rng.usize(0..3)];
        let unit = UNITS[rng.usize(0..UNITS.len())];
        let meeting = referred + Duration::days(7 + rng.i64(0..21));
        let user = match (way, rng.u8(0..10)) {
            (WayIn::Guidance, 0..=4) => User::Nobody,
            (_, 0..=1) => User::Anonymous { age: Some(rng.u8(0..90)) },
            _ => {
                let (a, b) = (char::from(b'A' + rng.u8(0..26)), char::from(b'A' + rng.u8(0..26)));
                let initials = format!("{a}.{b}.");
                let born = referred - Duration::days(rng.i64(200..(80 * 365)));
                User::Known { initials, born }
            }
        };
        let known = matches!(user, User::Known { .. });
        let status = Status::ALL[2 + rng.usize(0..3)]; // discussed, decided or closed
        let proposed: Vec<Proposal> = (0..rng.usize(0..4))
            .map(|_| {
                let m = &bank.measures[rng.usize(0..bank.measures.len())];
                Proposal {
                    measure: m.id.clone(),
                    // A provider outside the team: the referring unit follows it up.
                    unit: config.unit(&m.provider).map_or(unit, |u| u.id.as_str()).to_string(),
                    evaluate: Some(meeting + Duration::days(42)),
                }
            })
            .collect();
        let accepted: Vec<String> =
            proposed.iter().filter(|_| rng.bool()).map(|p| p.measure.clone()).collect();
        let case = Case {
            schema: 1,
            id: CaseId::random(referred, &mut rng),
            way_in: way,
            status,
            referred,
            meeting: Some(meeting),
            bti_level: (way == WayIn::Bti).then_some(1),
            leader_consulted: known.then_some(referred),
            invite: Vec::new(),
            closed: (status == Status::Closed).then_some((meeting + Duration::days(60)).min(today)),
            closed_reason: String::new(),
            anonymised: None,
            age_band: None,
            anonymous_since: None,
            referrer: Referrer { name: NAMES[rng.usize(0..NAMES.len())].into(), unit: unit.into() },
            user,
            consent: known.then(|| Consent {
                given_by: ConsentBy::Guardian,
                date: referred,
                units: vec![UNITS[rng.usize(0..UNITS.len())].into()],
                expires: None,
                withdrawn: None,
            }),
            situation: Situation {
                concern: "Uro i hverdagen og behov for mer støtte rundt familien.".into(),
                tried: "Samtaler og veiledning i egen enhet over tid.".into(),
                wishes: if way == WayIn::Guidance {
                    String::new()
                } else {
                    "Mer ro og forutsigbarhet.".into()
                },
                question: String::new(),
            },
            outcome: Some(Outcome {
                date: meeting,
                assessment: "Teamet ser behov for samordnet innsats.".into(),
                next_step: "Den som meldte følger opp.".into(),
                level2: way == WayIn::Bti && rng.u8(0..5) == 0,
                proposed,
                follow_up: Some(meeting + Duration::days(42)),
                coordinator: NAMES[rng.usize(0..NAMES.len())].into(),
            }),
            decision: (status != Status::Discussed).then(|| Decision {
                date: meeting + Duration::days(7),
                accepted,
                declined: Vec::new(),
                changes: Vec::new(),
            }),
            followup: None,
        };
        // Years of history: closed cases past the retention period are anonymised, as a team
        // that runs `rt purge` has them.
        let case = if rt::rules::purge::due(&case, 180, today) {
            rt::rules::purge::anonymise(&case, today)
        } else {
            case
        };
        let path = team.path(&TeamDir::case_rel(&case.id));
        std::fs::create_dir_all(path.parent().unwrap()).expect("a year folder");
        if path.exists() {
            continue;
        }
        std::fs::write(&path, case_file::new_text(&case)).expect("a case file");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("0600");
        }
        written += 1;
    }
    eprintln!("{n} cases in {}", dir.display());
}
