//! Team folders generated from a seed: a half-year of a few cases, as a small team has them,
//! so that small cells are common. Each is reported with hiding off (the truth) and on; the
//! rule of rt before issue 16 (hide each count of 1–2, nothing more) is applied to the truth
//! here, in the test, to show what the checker finds in it.

use chrono::Duration;
use rt::model::{User, WayIn};
use serde_json::{Value, json};

use crate::report::build::*;

const UNITS: [&str; 6] =
    ["helsestasjon", "psykisk-helse-rus", "barnevern", "fysio-ergo", "kommunepsykolog", "nav"];

/// The cases of one generated folder: mostly 2027H1, a few from 2026H2.
pub fn specs(seed: u64) -> Vec<Spec> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let n_now = rng.usize(3..=14);
    let n_before = rng.usize(0..=4);
    let mut specs = Vec::new();
    for i in 0..n_now + n_before {
        let start = if i < n_now { d("2027-01-01") } else { d("2026-07-01") };
        let referred = start + Duration::days(rng.i64(0..181));
        let suffix: String =
            (0..4).map(|_| char::from(b"abcdefghijklmnopqrstuvwxyz234567"[rng.usize(..32)])).collect();
        let id = format!("{referred}-{suffix}");
        let way = [WayIn::Bti, WayIn::Bti, WayIn::UserCase, WayIn::Guidance][rng.usize(..4)];
        // The first units refer most, as at a real family centre.
        let unit = UNITS[rng.usize(..3).min(rng.usize(..6))];
        let user = match (way, rng.u8(..10)) {
            (WayIn::Guidance, 0..=4) => User::Nobody,
            (_, 0..=1) => User::Anonymous { age: (rng.bool()).then(|| rng.u8(0..80)) },
            _ => known(&(referred - Duration::days(rng.i64(100..30_000))).to_string()),
        };
        let mut s = Spec::new(&id, way, unit, user);
        if rng.u8(..10) < 7 {
            let meeting = referred + Duration::days(rng.i64(7..40));
            let proposed: Vec<(String, String)> = (0..rng.usize(0..4))
                .map(|k| (format!("tiltak-{k}"), UNITS[rng.usize(..3).min(rng.usize(..6))].to_string()))
                .collect();
            let refs: Vec<(&str, &str)> = proposed.iter().map(|(m, u)| (m.as_str(), u.as_str())).collect();
            s = s.discussed(&meeting.to_string(), &refs, way == WayIn::Bti && rng.u8(..10) < 4);
            let mut last = meeting;
            if rng.u8(..10) < 6 {
                last = meeting + Duration::days(rng.i64(1..30));
                let accepted: Vec<&str> = refs.iter().filter(|_| rng.bool()).map(|(m, _)| *m).collect();
                s = s.decided(&last.to_string(), &accepted);
            }
            if rng.u8(..10) < 3 {
                s = s.closed(&(last + Duration::days(rng.i64(1..60))).to_string());
            }
        }
        specs.push(s);
    }
    specs
}

/// What rt showed before issue 16: every figure, each count of 1–2 people as "< 3" (the
/// measures unmasked, no closes).
pub fn old_rule(truth: &Value) -> Value {
    let mut old = truth.clone();
    for which in ["current", "previous"] {
        let half = old[which].as_object_mut().unwrap();
        half.remove("closed");
        let small = |v: &Value| v.as_i64().is_some_and(|n| (1..3).contains(&n));
        for key in [
            "cases",
            "referred",
            "discussed",
            "anonymous",
            "bti",
            "level2",
            "waiting_decision",
            "in_follow_up",
        ] {
            if small(&half[key]) {
                half[key] = json!("< 3");
            }
        }
        for table in ["by_way", "by_unit", "by_age", "by_month"] {
            for pair in half[table].as_array_mut().unwrap() {
                if small(&pair[1]) {
                    pair[1] = json!("< 3");
                }
            }
        }
    }
    old
}

/// Every published number of a half-year, by name, with the true one beside it.
pub fn cells(published: &Value, truth: &Value) -> Vec<(String, Value, i64)> {
    let mut out = Vec::new();
    for (key, v) in published.as_object().unwrap() {
        match v {
            Value::Array(pairs) => {
                for (i, pair) in pairs.iter().enumerate() {
                    let name = format!("{key}/{}", pair[0].as_str().unwrap());
                    out.push((name, pair[1].clone(), truth[key][i][1].as_i64().unwrap()));
                }
            }
            _ => {
                if let Some(t) = truth[key].as_i64() {
                    out.push((key.clone(), v.clone(), t));
                }
            }
        }
    }
    out
}
