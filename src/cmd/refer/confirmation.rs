//! The short confirmation `rt refer` gives on stderr: the case, its way in (a BTI case by the
//! level it comes in at), the meeting it got, and who archives and gets copies of the minutes.

use crate::lang::Lang;
use crate::model::dates::weekday_name;
use crate::model::{Case, Config, User};

/// The short confirmation after a referral.
pub fn text(case: &Case, config: &Config, lang: Lang) -> String {
    let unit = config.unit_name(&case.referrer.unit);
    let mut lines = vec![lang.pick(
        format!("Saken er registrert: {} ({}, {unit}).", case.id, case.way_in.label_at(case.bti_level, lang)),
        format!(
            "The case is registered: {} ({}, {unit}).",
            case.id,
            case.way_in.label_at(case.bti_level, lang)
        ),
    )];
    lines.push(match case.meeting {
        Some(m) => {
            let day = weekday_name(chrono::Datelike::weekday(&m), lang);
            lang.pick(format!("Satt opp på møtet {day} {m}."), format!("Placed in the meeting on {day} {m}."))
        }
        None => lang.pick(
            "Lederen av ressursteamet setter saken opp på et møte.".to_string(),
            "The team leader will place the case in a meeting.".to_string(),
        ),
    });
    lines.push(match (&case.user, &case.consent) {
        (User::Anonymous { .. }, _) => lang.pick(
            format!("Anonym drøfting: referatet arkiveres hos {unit}, uten kopier."),
            format!("Anonymous discussion: the minutes are archived at {unit}, with no copies."),
        ),
        // The referring unit archives the minutes; it is not a copy recipient.
        (_, Some(c)) if c.units.iter().any(|u| *u != case.referrer.unit) => {
            let names: Vec<&str> =
                c.units.iter().filter(|u| **u != case.referrer.unit).map(|u| config.unit_name(u)).collect();
            lang.pick(
                format!("Referatet arkiveres hos {unit}; kopi til: {}.", names.join(", ")),
                format!("The minutes are archived at {unit}; copies to: {}.", names.join(", ")),
            )
        }
        _ => lang.pick(
            format!("Referatet arkiveres hos {unit}, uten kopier."),
            format!("The minutes are archived at {unit}, with no copies."),
        ),
    });
    lines.join("\n")
}
