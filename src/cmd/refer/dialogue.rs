//! The referral dialogue: at a terminal, `rt refer` asks for what the flags left out.
//!
//! R5's question comes first. Each answer is checked at once (a unit that does not exist,
//! initials that are a name, a birth date in the future, a national id number in a text)
//! and asked again, so the final check rarely has anything left to refuse. When R2 cannot be
//! met (no consent, unit leader not consulted) the dialogue offers an anonymous discussion
//! instead, or stops.

use std::io::{BufRead, Write};

use chrono::{Months, NaiveDate};

use super::Args;
use crate::error::Error;
use crate::model::dates::{age_on, parse_date};
use crate::model::{Config, ConsentBy, WayIn};
use crate::problem::Problem;
use crate::prompt::Prompter;
use crate::rules::national_id::contains_national_id;
use crate::rules::text::{has_control_characters, normalise_initials};
use crate::suggest;

/// Asks for every missing field of `args`.
pub fn fill<R: BufRead, W: Write>(
    a: &mut Args,
    config: &Config,
    today: NaiveDate,
    p: &mut Prompter<R, W>,
) -> Result<(), Error> {
    let lang = p.lang();
    p.say(lang.pick(
        "Meld sak til ressursteamet. Svar på spørsmålene; Ctrl-D avbryter uten å lagre.",
        "Refer a case to the team. Answer the questions; Ctrl-D aborts without saving.",
    ))?;
    if p.yes_no(lang.pick(
        "Gjelder saken mistanke om vold eller seksuelle overgrep?",
        "Does the case concern suspected violence or sexual abuse?",
    ))? {
        return Err(Problem::Violence.into());
    }

    if a.way.is_none() {
        p.say(lang.pick(
            "Vei inn: 1) BTI nivå 1   2) brukersak utenom BTI   3) veiledning for ansatte",
            "Way in: 1) BTI level 1   2) user case outside BTI   3) guidance for employees",
        ))?;
        a.way = Some(p.ask_until(lang.pick("Velg 1, 2 eller 3", "Choose 1, 2 or 3"), None, |s| {
            WayIn::parse(s).ok_or_else(|| lang.pick("svar 1, 2 eller 3", "answer 1, 2 or 3").to_string())
        })?);
    }
    let way = a.way.unwrap_or(WayIn::UserCase);

    if a.referrer.is_none() {
        let name = p.ask_until(lang.pick("Ditt navn", "Your name"), None, |s| {
            if s.is_empty() {
                Err(lang.pick("navnet trengs", "the name is needed").to_string())
            } else {
                Ok(s.to_string())
            }
        })?;
        a.referrer = Some(name);
    }
    // A standing member's unit is known; anyone else is asked.
    let member_unit = a.referrer.as_deref().and_then(|r| config.member(r)).map(|m| m.unit.clone());
    if a.unit.is_none() && member_unit.is_none() {
        let ids: Vec<&str> = config.unit_ids().collect();
        let hint = ids.join(", ");
        let unit =
            p.ask_until(lang.pick("Din enhet", "Your unit"), Some(&hint), |s| unit_answer(s, config, lang))?;
        a.unit = Some(unit);
    }

    ask_user(a, way, today, p)?;

    let known_user = !a.anonymous && a.initials.is_some();
    if known_user {
        ask_consent(a, config, today, p)?;
    }
    // A BTI case comes in at level 1 (R1) unless --bti-level says otherwise: nothing to ask.

    let check = |t: &str| text_answer(t, lang);
    if a.concern.is_none() {
        a.concern = Some(p.text(
            lang.pick(
                "Brukerens/familiens situasjon: hva gjelder bekymringen?",
                "The user's or family's situation: what is the concern?",
            ),
            true,
            check,
        )?);
    }
    if a.tried.is_none() {
        a.tried = Some(p.text(
            lang.pick("Hva er forsøkt tidligere?", "What has been tried before?"),
            true,
            check,
        )?);
    }
    if a.wishes.is_none() && way != WayIn::Guidance {
        a.wishes = Some(p.text(
            lang.pick("Hva er viktig for brukeren? (brukermedvirkning)", "What matters to the user?"),
            true,
            check,
        )?);
    }
    if a.question.is_none() {
        let q = p.text(
            lang.pick(
                "Hva ønsker du at teamet skal hjelpe med? (kan stå tomt)",
                "What should the team help with? (may be empty)",
            ),
            false,
            check,
        )?;
        a.question = (!q.is_empty()).then_some(q);
    }
    // An anonymous user has no named contact persons (R3): a name would tell who it is.
    if a.invite_contact.is_empty() && known_user {
        // R7: only people of rt.toml can be invited; each name is checked at once.
        a.invite_contact = p.ask_until(
            lang.pick(
                "Kontaktpersoner på familiesenteret som brukeren ønsker med (kommaseparert, kan stå tomt)",
                "Contact persons at the centre the user wants present (comma-separated, may be empty)",
            ),
            None,
            |answer| {
                answer
                    .split(',')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(|n| contact_answer(n, config, lang))
                    .collect()
            },
        )?;
    }
    Ok(())
}

/// R5 asked again about what the texts say, with the words that made `rt` ask: yes stops
/// the referral with R5's instruction, no lets it go on.
pub fn ask_r5<R: BufRead, W: Write>(phrases: &[String], p: &mut Prompter<R, W>) -> Result<(), Error> {
    let lang = p.lang();
    let quoted: Vec<String> = phrases.iter().take(3).map(|t| format!("«{t}»")).collect();
    let question = lang.pick(
        format!(
            "Teksten nevner {}. Gjelder saken mistanke om vold eller seksuelle overgrep?",
            quoted.join(", ")
        ),
        format!(
            "The text mentions {}. Does the case concern suspected violence or sexual abuse?",
            quoted.join(", ")
        ),
    );
    if p.yes_no(&question)? {
        return Err(Problem::Violence.into());
    }
    Ok(())
}

/// Who the case is about: a known user, an anonymous one, or (guidance) nobody.
fn ask_user<R: BufRead, W: Write>(
    a: &mut Args,
    way: WayIn,
    today: NaiveDate,
    p: &mut Prompter<R, W>,
) -> Result<(), Error> {
    let lang = p.lang();
    if a.anonymous || a.initials.is_some() || a.born.is_some() {
        return fill_identity(a, today, p);
    }
    if way == WayIn::Guidance
        && !p.yes_no(lang.pick(
            "Gjelder veiledningen en bestemt bruker?",
            "Does the guidance concern a particular user?",
        ))?
    {
        return Ok(());
    }
    if p.yes_no(lang.pick("Skal saken drøftes anonymt?", "Is the case to be discussed anonymously?"))? {
        a.anonymous = true;
        let age = p.ask_until(
            lang.pick(
                "Brukerens alder, for statistikken (kan stå tomt)",
                "The user's age, for statistics (may be empty)",
            ),
            None,
            |s| {
                if s.is_empty() {
                    return Ok(None);
                }
                s.parse::<u8>().ok().filter(|n| *n <= 110).map(Some).ok_or_else(|| {
                    lang.pick("oppgi alder i hele år", "give the age in whole years").to_string()
                })
            },
        )?;
        a.age = age;
        return Ok(());
    }
    fill_identity(a, today, p)
}

fn fill_identity<R: BufRead, W: Write>(
    a: &mut Args,
    today: NaiveDate,
    p: &mut Prompter<R, W>,
) -> Result<(), Error> {
    let lang = p.lang();
    if a.anonymous {
        return Ok(());
    }
    if a.initials.is_none() {
        let initials =
            p.ask_until(lang.pick("Brukerens initialer", "The user's initials"), Some("A.B."), |s| {
                normalise_initials(s).ok_or_else(|| Problem::BadInitials.help(lang).unwrap_or_default())
            })?;
        a.initials = Some(initials);
    }
    if a.born.is_none() {
        let oldest = today.checked_sub_months(Months::new(12 * 110)).unwrap_or(today);
        let born = p.ask_until(
            lang.pick("Brukerens fødselsdato", "The user's date of birth"),
            Some("ÅÅÅÅ-MM-DD"),
            |s| match parse_date(s) {
                None => {
                    Err(lang.pick("skriv datoen som ÅÅÅÅ-MM-DD", "write the date as YYYY-MM-DD").to_string())
                }
                Some(d) if d > today => Err(Problem::BornInFuture.message(lang)),
                Some(d) if d < oldest => Err(Problem::BornTooLongAgo.message(lang)),
                Some(d) => Ok(d),
            },
        )?;
        a.born = Some(born);
    }
    Ok(())
}

/// R2: consent, who gave it, which units get copies, and the unit-leader check.
fn ask_consent<R: BufRead, W: Write>(
    a: &mut Args,
    config: &Config,
    today: NaiveDate,
    p: &mut Prompter<R, W>,
) -> Result<(), Error> {
    let lang = p.lang();
    if !a.consent {
        if !p.yes_no(lang.pick(
            "Har brukeren (eller foresatte) samtykket til at saken drøftes i ressursteamet?",
            "Has the user (or a guardian) consented to the case being discussed by the team?",
        ))? {
            return offer_anonymous(a, Problem::ConsentMissing, today, p);
        }
        a.consent = true;
    }
    if let (None, Some(born)) = (a.consent_by, a.born) {
        let age = age_on(born, a.consent_date.unwrap_or(today));
        let self_age = i32::from(config.self_consent_age);
        if (self_age..18).contains(&age) {
            a.consent_by = Some(p.ask_until(
                lang.pick(
                    "Hvem samtykket: ungdommen selv eller foresatte?",
                    "Who consented: the young person or a guardian?",
                ),
                Some(lang.pick("selv/foresatte", "self/guardian")),
                |s| {
                    ConsentBy::parse(s).filter(|c| *c != ConsentBy::User).ok_or_else(|| {
                        lang.pick("svar selv eller foresatte", "answer self or guardian").to_string()
                    })
                },
            )?);
        }
    }
    if a.copy_to.is_empty() {
        let ids: Vec<&str> = config.unit_ids().collect();
        let hint = ids.join(", ");
        a.copy_to = p.ask_until(
            lang.pick(
                "Enheter som kan få kopi av referatet (kommaseparert, tomt = ingen)",
                "Units that may get a copy of the minutes (comma-separated, empty = none)",
            ),
            Some(&hint),
            |s| {
                s.split(',')
                    .map(str::trim)
                    .filter(|u| !u.is_empty())
                    .map(|u| unit_answer(u, config, lang))
                    .collect()
            },
        )?;
    }
    if !a.leader_consulted {
        if !p.yes_no(lang.pick(
            "Er meldingen drøftet med enhetslederen din?",
            "Has the referral been discussed with your unit leader?",
        ))? {
            return offer_anonymous(a, Problem::LeaderCheckMissing, today, p);
        }
        a.leader_consulted = true;
    }
    Ok(())
}

/// R2 cannot be met: explain, and offer to discuss the case anonymously instead.
fn offer_anonymous<R: BufRead, W: Write>(
    a: &mut Args,
    why: Problem,
    today: NaiveDate,
    p: &mut Prompter<R, W>,
) -> Result<(), Error> {
    let lang = p.lang();
    p.say(&format!("  {}", why.message(lang)))?;
    if p.yes_no(lang.pick(
        "Vil du heller drøfte saken anonymt, uten initialer, fødselsdato og kontaktpersoner?",
        "Would you rather discuss the case anonymously, without initials, date of birth and contact persons?",
    ))? {
        let age = a.born.map(|b| age_on(b, today));
        a.anonymous = true;
        a.initials = None;
        a.born = None;
        a.consent = false;
        a.consent_by = None;
        a.copy_to.clear();
        a.invite_contact.clear();
        a.age = age.and_then(|n| u8::try_from(n).ok());
        return Ok(());
    }
    p.say(&format!("  {}", why.help(lang).unwrap_or_default()))?;
    Err(Problem::Refused { problems: 1 }.into())
}

fn unit_answer(s: &str, config: &Config, lang: crate::lang::Lang) -> Result<String, String> {
    if config.unit(s).is_some() {
        return Ok(s.to_string());
    }
    let problem =
        Problem::UnknownUnit { unit: s.to_string(), suggestion: suggest::closest(s, config.unit_ids()) };
    Err(format!("{}; {}", problem.message(lang), problem.help(lang).unwrap_or_default()))
}

fn contact_answer(name: &str, config: &Config, lang: crate::lang::Lang) -> Result<String, String> {
    if let Some(p) = config.person(name) {
        return Ok(p.name.clone());
    }
    let suggestion = suggest::closest(name, config.person_names());
    let problem = Problem::UnknownContact { name: name.to_string(), suggestion };
    Err(format!("{}; {}", problem.message(lang), problem.help(lang).unwrap_or_default()))
}

fn text_answer(t: &str, lang: crate::lang::Lang) -> Result<(), String> {
    let field = crate::model::Field::Key(String::new());
    if contains_national_id(t) {
        return Err(Problem::NationalId { field: field.clone() }.help(lang).unwrap_or_default());
    }
    if has_control_characters(t) {
        return Err(Problem::ControlCharacters { field: field.clone() }.help(lang).unwrap_or_default());
    }
    Ok(())
}
