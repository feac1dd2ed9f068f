//! Reading a target group as people write it ("Barn 6–12 år og ungdom 13–18",
//! "Småbarnsforeldre", "1.–4. trinn", "Gravide", "Alle") into the ages it is for, and whether
//! it is for the parents of children of those ages.
//!
//! The text is split into parts at "og", commas, slashes and the like; each part gives a range
//! from its numbers (years, months, weeks, school grades — 1. trinn is 6 years old, VG1 16) or
//! else from its words, and is for children, adults or parents. Words are matched whole (so
//! "Foreldre" is never read as "eldre"), compounds by their known beginnings and ends.
//! Parts for parents make the measure one for parents: its range is then the children's ages,
//! taken from the parts about children (or 0–18), and parts about adults add nothing (a
//! measure for parents fits every adult anyway, see [`crate::model::Measure::fits_age`]).
//! Otherwise the ranges of all parts are joined — except that numbers only in the last part
//! are for the whole group ("Ungdom og unge voksne 16–25 år"), and a part about children with
//! only a general word takes the range of the parts with numbers ("Barn, unge 6–18 år").

use super::search::fold;
use words::{Kind, Meaning, Tier, meaning};

/// What a target group was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ages {
    /// Youngest age (of the child, when `parents`).
    pub min: u8,
    /// Oldest age (of the child, when `parents`).
    pub max: u8,
    /// For the parents of children of these ages.
    pub parents: bool,
}

/// Why a target group could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetError {
    /// Nothing in it gives an age.
    Unreadable,
    /// A range that runs backwards, as written.
    Reversed(u8, u8),
}

/// What a number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Years,
    Months,
    Weeks,
    /// A school grade: 1. trinn is 6 years old.
    Grade,
}

fn unit_of(word: &str) -> Option<Unit> {
    Some(match word {
        "ar" | "aar" | "arige" | "aring" | "aringer" | "arsalder" => Unit::Years,
        "mnd" | "md" | "maned" | "maneder" | "mndr" => Unit::Months,
        "uke" | "uker" | "ukers" => Unit::Weeks,
        "trinn" | "trinnet" | "klasse" | "klassetrinn" | "kl" => Unit::Grade,
        _ => return None,
    })
}

fn years(n: u32, unit: Unit) -> u32 {
    match unit {
        Unit::Years => n,
        Unit::Months => n / 12,
        Unit::Weeks => n / 52,
        Unit::Grade => n + 5,
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Num(u32, Option<Unit>),
    Word(String),
    Dash,
    Plus,
}

/// Numbers, words and the signs that matter; a unit word right after a number (or after a
/// number and a hyphen, "13-åringer") becomes the number's unit, and `vg1` is grade 11.
fn tokens(part: &str) -> Vec<Token> {
    let mut raw = Vec::new();
    let chars: Vec<char> = part.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            raw.push(Token::Num(text.parse().unwrap_or(u32::MAX), None));
            continue;
        }
        if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            raw.push(Token::Word(chars[start..i].iter().collect()));
            continue;
        }
        match c {
            '-' => raw.push(Token::Dash),
            '+' => raw.push(Token::Plus),
            _ => {}
        }
        i += 1;
    }
    let mut out: Vec<Token> = Vec::new();
    let mut k = 0;
    while k < raw.len() {
        match (&raw[k], raw.get(k + 1), raw.get(k + 2)) {
            (Token::Word(w), Some(Token::Num(n, _)), _) if w == "vg" => {
                out.push(Token::Num(n + 10, Some(Unit::Grade)));
                k += 2;
            }
            (Token::Num(n, _), Some(Token::Word(w)), _) if unit_of(w).is_some() => {
                out.push(Token::Num(*n, unit_of(w)));
                k += 2;
            }
            (Token::Num(n, _), Some(Token::Dash), Some(Token::Word(w))) if w.starts_with("aring") => {
                out.push(Token::Num(*n, Some(Unit::Years)));
                k += 3;
            }
            (t, _, _) => {
                out.push(t.clone());
                k += 1;
            }
        }
    }
    out
}

/// What the numbers of a part say: a lower and an upper bound, either open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Bounds {
    min: Option<u32>,
    max: Option<u32>,
}

/// The bounds the numbers of a part give, read the ways ranges are written: `6-12`,
/// `6 til 12`, `fra 13`, `13+`, `over 18`, `under 18`, `til 18`, `16` alone. `Err` for a
/// range that runs backwards. A number without a unit borrows `fallback`'s.
fn bounds(tokens: &[Token], fallback: Option<Unit>) -> Result<Option<Bounds>, TargetError> {
    let unit_after = tokens.iter().find_map(|t| match t {
        Token::Num(_, Some(u)) => Some(*u),
        _ => None,
    });
    let unit = unit_after.or(fallback).unwrap_or(Unit::Years);
    let value = |n: u32, u: Option<Unit>| years(n, u.unwrap_or(unit));
    let word_before = |i: usize| match i.checked_sub(1).and_then(|j| tokens.get(j)) {
        Some(Token::Word(w)) => w.as_str(),
        _ => "",
    };
    let mut nums: Vec<(usize, u32, Option<Unit>)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if let Token::Num(n, u) = t {
            nums.push((i, *n, *u));
        }
    }
    let Some(&(first_i, first, first_unit)) = nums.first() else { return Ok(None) };
    // A range: two numbers with a dash or "til" between them.
    if let Some(&(second_i, second, second_unit)) = nums.get(1) {
        let between = &tokens[first_i + 1..second_i];
        let joined = between.iter().all(|t| matches!(t, Token::Dash) || *t == Token::Word("til".into()));
        if joined && !between.is_empty() {
            let lo_unit = first_unit.or(second_unit);
            let (lo, hi) = (value(first, lo_unit), value(second, second_unit));
            if lo > hi {
                return Err(TargetError::Reversed(clamp(lo), clamp(hi)));
            }
            let lo = nums.iter().map(|(_, n, u)| value(*n, u.or(lo_unit))).min().unwrap_or(lo);
            let hi = nums.iter().map(|(_, n, u)| value(*n, u.or(second_unit))).max().unwrap_or(hi);
            return Ok(Some(Bounds { min: Some(lo), max: Some(hi) }));
        }
    }
    let n = value(first, first_unit);
    let plus_after = tokens[first_i + 1..].contains(&Token::Plus);
    let before = word_before(first_i);
    let before2 = if first_i >= 2 { word_before(first_i - 1) } else { "" };
    Ok(Some(match before {
        "fra" | "fom" | "over" => Bounds { min: Some(n), max: None },
        "under" => Bounds { min: None, max: Some(n.saturating_sub(1)) },
        "til" | "tom" | "inntil" if before2 != "fra" => Bounds { min: None, max: Some(n) },
        "med" if before2 == "til" || before2 == "og" => Bounds { min: None, max: Some(n) },
        _ if plus_after => Bounds { min: Some(n), max: None },
        _ if matches!(tokens.first(), Some(Token::Dash)) && first_i == 1 => {
            Bounds { min: None, max: Some(n) }
        }
        _ => Bounds { min: Some(n), max: Some(n) },
    }))
}

fn clamp(n: u32) -> u8 {
    n.min(255) as u8
}

/// One part of a target group: whom it is about and its ages, if it gives any.
struct Part {
    kind: Kind,
    ages: Option<(u32, u32)>,
    /// Its range is only that of a general word ("barn", "unge"), with no numbers.
    vague: bool,
    /// Its range comes from numbers.
    numbered: bool,
}

fn read_part(tokens: &[Token], fallback: Option<Unit>) -> Result<Option<Part>, TargetError> {
    let words: Vec<&str> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Word(w) => Some(w.as_str()),
            _ => None,
        })
        .collect();
    let mut meanings: Vec<Meaning> = Vec::new();
    let mut k = 0;
    while k < words.len() {
        // "unge voksne" are young adults, not youth and adults.
        if words[k] == "unge" && words.get(k + 1).is_some_and(|w| w.starts_with("voksn")) {
            meanings.push((Tier::Specific, Kind::Adult, Some((18, 25))));
            k += 2;
            continue;
        }
        meanings.extend(meaning(words[k]));
        k += 1;
    }
    let numbers = bounds(tokens, fallback)?;
    let has = |kind: Kind, tier: Tier| meanings.iter().any(|m| m.1 == kind && m.0 >= tier);
    // Parents first; then a specific adult word ("ansatte i barnehagen" are adults); then
    // children; a general word about adults only when nothing says children.
    let kind = if has(Kind::Parents, Tier::Fallback) {
        Kind::Parents
    } else if has(Kind::Adult, Tier::Specific) {
        Kind::Adult
    } else if has(Kind::Child, Tier::General) {
        Kind::Child
    } else if has(Kind::Adult, Tier::Fallback)
        || (meanings.is_empty() && numbers.is_some_and(|b| b.min.is_some_and(|m| m >= 18)))
    {
        Kind::Adult
    } else {
        Kind::Child
    };
    // In a part about parents only words about children give the range; in one about
    // adults only words about adults.
    let ranged: Vec<&Meaning> = meanings
        .iter()
        .filter(|m| m.2.is_some())
        .filter(|m| match kind {
            Kind::Parents => m.1 != Kind::Adult,
            Kind::Adult => m.1 == Kind::Adult,
            Kind::Child => true,
        })
        .collect();
    let best = ranged.iter().map(|m| m.0).max();
    let word_range = best.map(|tier| {
        ranged
            .iter()
            .filter(|m| m.0 == tier)
            .filter_map(|m| m.2)
            .fold((u32::MAX, 0u32), |(lo, hi), (a, b)| (lo.min(u32::from(a)), hi.max(u32::from(b))))
    });
    let ages = match (numbers, word_range) {
        (Some(Bounds { min: Some(lo), max: Some(hi) }), _) => Some((lo, hi)),
        (Some(Bounds { min, max }), Some((wlo, whi))) => {
            let lo = min.unwrap_or(wlo);
            let hi = max.unwrap_or(if whi >= lo { whi } else { 120 });
            Some((lo, hi))
        }
        (Some(Bounds { min, max }), None) => Some((min.unwrap_or(0), max.unwrap_or(120))),
        (None, range) => range,
    };
    if ages.is_none() && kind != Kind::Parents {
        return Ok(None);
    }
    let vague = numbers.is_none() && best.is_none_or(|t| t <= Tier::General);
    Ok(Some(Part { kind, ages, vague, numbered: numbers.is_some() }))
}

/// Splits a folded target group into its parts: at "og", "eller", "samt", commas,
/// semicolons, slashes, "&" and a "+" between words.
fn parts(folded: &str) -> Vec<String> {
    let mut text = folded.to_string();
    for joint in [" og ", " eller ", " samt ", ",", ";", "/", "&", " + ", "\n"] {
        text = text.replace(joint, "|");
    }
    text.split('|').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

/// Reads a target group; see the module's documentation for how.
pub fn parse_target(text: &str) -> Result<Ages, TargetError> {
    let mut folded = fold(text.trim()).replace(['–', '—', '‐', '‑', '−'], "-");
    for (from, to) in [
        (" og eldre", "+"),
        (" og over", "+"),
        (" og oppover", "+"),
        (" og oppover", "+"),
        ("til og med", "tom"),
        ("t.o.m.", "tom"),
        ("fra og med", "fom"),
        ("f.o.m.", "fom"),
        ("opp til", "inntil"),
    ] {
        folded = folded.replace(from, to);
    }
    let split = parts(&folded);
    let tokenised: Vec<Vec<Token>> = split.iter().map(|p| tokens(p)).collect();
    let mut read = Vec::new();
    for (i, t) in tokenised.iter().enumerate() {
        // A part of bare numbers ("1." in "1. og 2. trinn") counts in the next part's unit.
        let bare = t.iter().all(|t| matches!(t, Token::Num(_, None) | Token::Dash | Token::Plus));
        let fallback = if bare {
            tokenised[i + 1..].iter().flatten().find_map(|t| match t {
                Token::Num(_, Some(u)) => Some(*u),
                _ => None,
            })
        } else {
            None
        };
        read.extend(read_part(t, fallback)?);
    }
    if read.is_empty() {
        return Err(TargetError::Unreadable);
    }
    let parents = read.iter().any(|p| p.kind == Kind::Parents);
    // "Ungdom og unge voksne 16–25 år": numbers only at the end are for the whole group; and
    // "Barn og unge 6–18 år": a part about children with only a general word does not widen
    // the numbers of another.
    let numbered: Vec<usize> =
        (0..read.len()).filter(|i| read[*i].numbered && read[*i].kind != Kind::Parents).collect();
    let for_all = numbered.len() == 1 && numbered[0] == read.len() - 1;
    let any_numbers = read.iter().any(|p| p.numbered && p.kind == Kind::Child);
    let counted: Vec<(u32, u32)> = read
        .iter()
        .filter(|p| !parents || p.kind != Kind::Adult)
        .filter(|p| !(for_all && !p.numbered && p.kind != Kind::Parents))
        .filter(|p| !(any_numbers && p.vague && p.kind == Kind::Child))
        .filter_map(|p| p.ages)
        .collect();
    let (lo, hi) = if counted.is_empty() {
        (0, 18)
    } else {
        counted.iter().fold((u32::MAX, 0), |(lo, hi), (a, b)| (lo.min(*a), hi.max(*b)))
    };
    if hi > 120 {
        return Err(TargetError::Unreadable);
    }
    Ok(Ages { min: lo as u8, max: hi as u8, parents })
}

#[cfg(test)]
mod tests;
mod words;
