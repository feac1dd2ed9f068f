//! Which unit or provider a sheet's service cell means: by id or name, by a name it begins
//! with or that begins it ("Helsestasjon og skolehelsetjenesten" is the unit "Helsestasjon
//! og skolehelsetjeneste"), or a whole word of a name ("NAV" in "NAV Eikvik"), also with a
//! Norwegian definite ending taken off ("Frivilligsentralen"). A close spelling is never taken on a guess: it comes back as
//! "did you mean". With `--add-providers`, a service nothing is close to becomes a new
//! provider for `rt.toml`.

use super::super::search::{fold, slug};
use crate::model::{Config, Provider};
use crate::suggest;

/// What a service cell was matched to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Match {
    /// A unit or a provider of `rt.toml` (or one added in this import), by id.
    Found(String),
    /// Nothing; perhaps a close spelling of a name (as `rt.toml` writes it).
    Unknown { suggestion: Option<String> },
}

/// The providers an import knows: the config's units and providers, and those it adds.
pub struct Providers<'c> {
    config: &'c Config,
    /// Providers this import adds to `rt.toml` (with `--add-providers`).
    pub added: Vec<Provider>,
}

/// The text's forms to look for: itself, and with a definite ending off its last word.
fn forms(folded: &str) -> Vec<String> {
    let mut out = vec![folded.to_string()];
    for end in ["ene", "en", "et", "n", "t", "a"] {
        if let Some(stem) = folded.strip_suffix(end)
            && stem.len() >= 4
        {
            out.push(stem.to_string());
        }
    }
    out
}

/// Whether a service as a sheet writes it is a provider's name, perhaps in its definite form
/// ("Helsestasjon og skolehelsetjenesten").
pub fn is_name(text: &str, name: &str) -> bool {
    let name = fold(name.trim());
    forms(&fold(text.trim())).contains(&name)
}

impl<'c> Providers<'c> {
    /// The providers of a config, none added yet.
    pub fn new(config: &'c Config) -> Providers<'c> {
        Providers { config, added: Vec::new() }
    }

    /// (id, name) of every known provider: units, then providers, then those added.
    fn all(&self) -> Vec<(&str, &str)> {
        let units = self.config.units.iter().map(|u| (u.id.as_str(), u.name.as_str()));
        let others =
            self.config.providers.iter().chain(&self.added).map(|p| (p.id.as_str(), p.name.as_str()));
        units.chain(others).collect()
    }

    /// The provider a cell means.
    pub fn find(&self, text: &str) -> Match {
        let t = fold(text.trim());
        if t.is_empty() {
            return Match::Unknown { suggestion: None };
        }
        let all = self.all();
        if let Some((id, _)) = all.iter().find(|(id, name)| fold(id) == t || fold(name) == t) {
            return Match::Found(id.to_string());
        }
        if t.chars().count() >= 3 {
            for form in forms(&t) {
                // The whole name begins the text or the text begins the name; or the text is
                // a word of the name ("Kulturskole" in "Eikvik kulturskole"), never a piece of
                // one ("skole" is not "skolehelsetjeneste").
                let word_of = |name: &str| {
                    name.split(|c: char| !c.is_alphanumeric()).any(|w| w == form)
                        || (form.contains(' ') && name.contains(&form))
                };
                let tests: [&dyn Fn(&str) -> bool; 3] =
                    [&|name| form.starts_with(name), &|name| name.starts_with(&form), &word_of];
                for test in tests {
                    let found: Vec<&str> =
                        all.iter().filter(|(_, name)| test(&fold(name))).map(|(id, _)| *id).collect();
                    if let [only] = found.as_slice() {
                        return Match::Found(only.to_string());
                    }
                }
            }
        }
        let suggestion = suggest::closest(text.trim(), all.iter().map(|(_, name)| *name))
            .or_else(|| suggest::closest(text.trim(), all.iter().map(|(id, _)| *id)));
        Match::Unknown { suggestion }
    }

    /// Adds a service as a new provider (an id from its name, unlike any other) and returns
    /// the id.
    pub fn add(&mut self, name: &str) -> String {
        let base = match slug(name) {
            s if s.is_empty() => "tilbyder".to_string(),
            s => s,
        };
        let taken = |id: &str| self.all().iter().any(|(other, _)| *other == id);
        let mut id = base.clone();
        let mut n = 2;
        while taken(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.added.push(Provider {
            id: id.clone(),
            name: name.trim().to_string(),
            contact: String::new(),
            link: String::new(),
        });
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::config;

    #[test]
    fn by_id_name_beginning_and_definite_form() {
        let c = config();
        let p = Providers::new(&c);
        let found = |t: &str| p.find(t);
        assert_eq!(found("barnevern"), Match::Found("barnevern".into()));
        assert_eq!(found("Barneverntjenesten"), Match::Found("barnevern".into()));
        assert_eq!(found("Helsestasjon og skolehelsetjenesten"), Match::Found("helsestasjon".into()));
        assert_eq!(found("Helsestasjon"), Match::Found("helsestasjon".into()));
        assert_eq!(found("Fysioterapi"), Match::Found("fysio-ergo".into()));
        assert_eq!(found("NAV"), Match::Found("nav".into()));
        assert_eq!(found("Kulturskolen"), Match::Found("kulturskole".into()));
        assert_eq!(found("PPT"), Match::Found("ppt".into()));
        assert_eq!(found("barnvern"), Match::Unknown { suggestion: Some("barnevern".into()) });
        assert_eq!(
            found("Barnevernstjenesten"),
            Match::Unknown { suggestion: Some("Barneverntjenesten".into()) },
            "one letter off: asked, not guessed"
        );
        assert_eq!(found("Skolen"), Match::Unknown { suggestion: None }, "not a piece of skolehelsetjeneste");
        assert_eq!(found("Rus"), Match::Unknown { suggestion: None });
    }

    #[test]
    fn added_providers_get_free_ids_and_are_found_after() {
        let c = config();
        let mut p = Providers::new(&c);
        assert_eq!(p.add("Frivilligsentralen"), "frivilligsentralen");
        assert_eq!(p.find("Frivilligsentralen"), Match::Found("frivilligsentralen".into()));
        assert_eq!(p.add("NAV"), "nav-2", "a unit has the id `nav`");
    }
}
