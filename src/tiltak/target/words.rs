//! The words of target groups and what they say about age: whole words ("voksne",
//! "gravide"), the beginnings of compounds ("barnehage…", "ungdomsskole…"), and the ends that
//! make a word about parents ("…foreldre", "…familier").

/// Who a part of a target group is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Child,
    Adult,
    Parents,
}

/// How much a word says about age: numbers say most, then a specific word ("barnehagebarn"),
/// then a general one ("barn"), and a fallback ("alle", "pårørende") only when nothing else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Fallback,
    General,
    Specific,
}

/// A word's meaning: its tier, whom it is about, and its ages (none for a parents word
/// that does not say of which children).
pub type Meaning = (Tier, Kind, Option<(u8, u8)>);

const ALL: (u8, u8) = (0, 120);

/// Words whose meaning is whole: the folded word and what it means.
const WORDS: &[(&str, Meaning)] = &[
    ("alle", (Tier::Fallback, Kind::Child, Some(ALL))),
    ("aldre", (Tier::Fallback, Kind::Child, Some(ALL))),
    ("aldersgrupper", (Tier::Fallback, Kind::Child, Some(ALL))),
    ("enhver", (Tier::Fallback, Kind::Child, Some(ALL))),
    ("innbyggere", (Tier::Fallback, Kind::Child, Some(ALL))),
    ("befolkningen", (Tier::Fallback, Kind::Child, Some(ALL))),
    ("personer", (Tier::Fallback, Kind::Child, Some(ALL))),
    ("parorende", (Tier::Fallback, Kind::Child, Some(ALL))),
    ("innvandrere", (Tier::Fallback, Kind::Child, Some(ALL))),
    ("flyktninger", (Tier::Fallback, Kind::Child, Some(ALL))),
    ("barn", (Tier::General, Kind::Child, Some((0, 18)))),
    ("barna", (Tier::General, Kind::Child, Some((0, 18)))),
    ("elever", (Tier::General, Kind::Child, Some((6, 18)))),
    ("elev", (Tier::General, Kind::Child, Some((6, 18)))),
    ("unge", (Tier::General, Kind::Child, Some((13, 18)))),
    ("nyfodte", (Tier::Specific, Kind::Child, Some((0, 0)))),
    ("voksne", (Tier::General, Kind::Adult, Some((18, 120)))),
    ("voksen", (Tier::General, Kind::Adult, Some((18, 120)))),
    ("kvinner", (Tier::General, Kind::Adult, Some((18, 120)))),
    ("menn", (Tier::General, Kind::Adult, Some((18, 120)))),
    ("eldre", (Tier::Specific, Kind::Adult, Some((65, 120)))),
    ("seniorer", (Tier::Specific, Kind::Adult, Some((65, 120)))),
    ("pensjonister", (Tier::Specific, Kind::Adult, Some((67, 120)))),
    ("studenter", (Tier::Specific, Kind::Adult, Some((18, 30)))),
    ("ansatte", (Tier::Specific, Kind::Adult, Some((18, 67)))),
    ("ansatt", (Tier::Specific, Kind::Adult, Some((18, 67)))),
    ("gravide", (Tier::Specific, Kind::Adult, Some((15, 50)))),
    ("gravid", (Tier::Specific, Kind::Adult, Some((15, 50)))),
    ("vordende", (Tier::Specific, Kind::Adult, Some((15, 50)))),
    ("svangerskap", (Tier::Specific, Kind::Adult, Some((15, 50)))),
    ("nybakte", (Tier::Specific, Kind::Parents, Some((0, 1)))),
    ("barsel", (Tier::Specific, Kind::Parents, Some((0, 1)))),
    ("foresatte", (Tier::General, Kind::Parents, None)),
    ("omsorgspersoner", (Tier::General, Kind::Parents, None)),
    ("omsorgsgivere", (Tier::General, Kind::Parents, None)),
    ("mor", (Tier::General, Kind::Parents, None)),
    ("far", (Tier::General, Kind::Parents, None)),
    ("modre", (Tier::General, Kind::Parents, None)),
    ("fedre", (Tier::General, Kind::Parents, None)),
    ("mammaer", (Tier::General, Kind::Parents, None)),
    ("pappaer", (Tier::General, Kind::Parents, None)),
];

/// Beginnings of words (compounds included), longest first where one holds another.
const STEMS: &[(&str, (u8, u8))] = &[
    ("ungdomsskole", (13, 15)),
    ("ungdomstrinn", (13, 15)),
    ("ungdom", (13, 18)),
    ("tenaring", (13, 18)),
    ("barneskole", (6, 12)),
    ("barnehage", (1, 5)),
    ("forskole", (1, 5)),
    ("skolebarn", (6, 12)),
    ("skolestart", (5, 6)),
    ("smaskole", (6, 9)),
    ("smatrinn", (6, 9)),
    ("mellomtrinn", (10, 12)),
    ("videregaende", (16, 18)),
    ("vgs", (16, 18)),
    ("smabarn", (0, 6)),
    ("spedbarn", (0, 1)),
    ("sped", (0, 1)),
];

/// Ends of words that make a part about parents ("småbarnsforeldre", "barnefamilier").
const PARENT_ENDS: &[&str] =
    &["foreldre", "foreldrene", "foresatte", "familier", "familie", "familien", "familiene"];

/// The meaning of one folded word, if it has one.
pub fn meaning(word: &str) -> Option<Meaning> {
    if let Some((_, m)) = WORDS.iter().find(|(w, _)| *w == word) {
        return Some(*m);
    }
    if let Some(end) = PARENT_ENDS.iter().find(|e| word.ends_with(**e)) {
        let stem = &word[..word.len() - end.len()];
        let children = STEMS.iter().find(|(s, _)| !stem.is_empty() && stem.starts_with(s)).map(|(_, r)| *r);
        return Some((Tier::Specific, Kind::Parents, children));
    }
    if word.ends_with("ansatte") {
        return Some((Tier::Specific, Kind::Adult, Some((18, 67))));
    }
    STEMS.iter().find(|(s, _)| word.starts_with(s)).map(|(_, r)| (Tier::Specific, Kind::Child, Some(*r)))
}
