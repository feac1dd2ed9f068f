//! Documents from templates: the built-in Tera templates (compiled in, Norwegian and
//! English), a team's own versions in `templates/`, and the `dato` filter.
//!
//! Templates get plain view structs (see [`agenda`]) and nothing else: Tera 2 gives them no
//! access to the environment or to files, and only names ending in `.html`, `.htm` or `.xml`
//! are escaped — so every template is named by what it produces. A broken team template is
//! reported with its file name, line and Tera's message.

pub mod agenda;
pub mod dates;
pub mod minutes;
pub mod stafettlogg;

use tera::{Context, ErrorKind, Kwargs, State, Tera};

use crate::error::Error;
use crate::lang::Lang;
use crate::store::{TEMPLATES_DIR, TeamDir};

/// The built-in templates, by file name. They are also the demo folder's `templates/`.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("agenda.nb.txt", include_str!("../../templates/agenda.nb.txt")),
    ("agenda.en.txt", include_str!("../../templates/agenda.en.txt")),
    ("agenda-subject.nb.txt", include_str!("../../templates/agenda-subject.nb.txt")),
    ("agenda-subject.en.txt", include_str!("../../templates/agenda-subject.en.txt")),
    ("agenda-guest.nb.txt", include_str!("../../templates/agenda-guest.nb.txt")),
    ("agenda-guest.en.txt", include_str!("../../templates/agenda-guest.en.txt")),
    ("agenda-guest-subject.nb.txt", include_str!("../../templates/agenda-guest-subject.nb.txt")),
    ("agenda-guest-subject.en.txt", include_str!("../../templates/agenda-guest-subject.en.txt")),
    ("minutes.nb.md", include_str!("../../templates/minutes.nb.md")),
    ("minutes.en.md", include_str!("../../templates/minutes.en.md")),
    ("minutes.nb.html", include_str!("../../templates/minutes.nb.html")),
    ("minutes.en.html", include_str!("../../templates/minutes.en.html")),
    ("report.nb.md", include_str!("../../templates/report.nb.md")),
    ("report.en.md", include_str!("../../templates/report.en.md")),
    ("report.nb.html", include_str!("../../templates/report.nb.html")),
    ("report.en.html", include_str!("../../templates/report.en.html")),
    ("stafettlogg.nb.md", include_str!("../../templates/stafettlogg.nb.md")),
    ("stafettlogg.en.md", include_str!("../../templates/stafettlogg.en.md")),
    ("stafettlogg.nb.html", include_str!("../../templates/stafettlogg.nb.html")),
    ("stafettlogg.en.html", include_str!("../../templates/stafettlogg.en.html")),
    ("site-index.nb.html", include_str!("../../templates/site-index.nb.html")),
    ("site-index.en.html", include_str!("../../templates/site-index.en.html")),
    ("site-measure.nb.html", include_str!("../../templates/site-measure.nb.html")),
    ("site-measure.en.html", include_str!("../../templates/site-measure.en.html")),
    ("site.css", include_str!("../../templates/site.css")),
    ("site.js", include_str!("../../templates/site.js")),
];

/// What a document says where `rt purge` took a text away, rather than leave it empty.
pub fn removed(lang: Lang) -> &'static str {
    lang.pick("(fjernet ved anonymisering)", "(removed when anonymised)")
}

/// The template file name for a text document in a language: `agenda` → `agenda.nb.txt`.
pub fn name(document: &str, lang: Lang) -> String {
    file(document, lang, "txt")
}

/// The template file name for a document, language and output type: `minutes.nb.html`.
pub fn file(document: &str, lang: Lang, ext: &str) -> String {
    format!("{document}.{}.{ext}", lang.code())
}

/// The templates a team folder uses: the built-ins, each replaced by a file of the same name
/// in the folder's `templates/` when there is one.
pub struct Templates {
    /// Text and HTML templates (HTML escaped).
    tera: Tera,
    /// Markdown templates: every value escaped for Markdown (see [`escape_markdown`]).
    markdown: Tera,
    /// For each template, the file it came from as a user knows it (`templates/agenda.nb.txt`
    /// for a team's own, the bare name for a built-in).
    sources: std::collections::BTreeMap<String, String>,
}

impl Templates {
    /// Loads the built-ins and the team's overrides.
    pub fn load(team: &TeamDir) -> Result<Templates, Error> {
        let new = |suffixes: &[&'static str]| {
            let mut tera = Tera::new();
            tera.autoescape_on(suffixes.to_vec());
            tera.register_filter("dato", dato);
            tera.register_filter("linjeskift", Linjeskift);
            tera.register_filter("json_str", json_str);
            tera
        };
        let mut tera = new(&[".html", ".htm", ".xml"]);
        // A free text in a referat must not become a heading, a list or emphasis — e.g. a
        // forged «Kopi til» section: in Markdown templates every value is escaped.
        let mut markdown = new(&[".md"]);
        markdown.set_escape_fn(escape_markdown);
        let mut sources = std::collections::BTreeMap::new();
        for (name, built_in) in BUILT_IN {
            // Only a regular file inside `templates/`: a link could make a mail of a case file.
            let rel = format!("{TEMPLATES_DIR}/{name}");
            let (text, shown) = match crate::store::load::read_text(team, &rel)? {
                Some(text) => (text, rel),
                None => (built_in.to_string(), (*name).to_string()),
            };
            let engine = if name.ends_with(".md") { &mut markdown } else { &mut tera };
            engine.add_raw_template(name, &text).map_err(|e| template_error(&shown, e))?;
            sources.insert(name.to_string(), shown);
        }
        Ok(Templates { tera, markdown, sources })
    }

    /// Renders a template with a view.
    pub fn render<T: serde::Serialize>(&self, name: &str, view: &T) -> Result<String, Error> {
        let shown = self.sources.get(name).map_or(name, String::as_str);
        let context = Context::from_serialize(view).map_err(|e| template_error(shown, e))?;
        let engine = if name.ends_with(".md") { &self.markdown } else { &self.tera };
        engine.render(name, &context).map_err(|e| template_error(shown, e))
    }
}

/// A Tera error as ours: the file, the line, and the whole message chain (the useful part is
/// often in a cause).
fn template_error(file: &str, e: tera::Error) -> Error {
    let (line, message) = match e.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            (Some(report.span().start_line), report.message().to_string())
        }
        other => (None, other.to_string()),
    };
    let mut message = message;
    let mut cause = std::error::Error::source(&e);
    while let Some(c) = cause {
        message.push_str(&format!(": {c}"));
        cause = c.source();
    }
    Error::Stop(crate::problem::Problem::Template { file: file.to_string(), line, message })
}

/// `{{ date | dato }}`: an ISO date as a letter writes it; `lang="en"` for English.
fn dato(value: &str, kwargs: Kwargs, _: &State) -> tera::TeraResult<String> {
    let lang = kwargs.get::<&str>("lang")?.and_then(Lang::parse).unwrap_or_default();
    let date = crate::model::dates::parse_date(value)
        .ok_or_else(|| tera::Error::message(format!("dato: `{value}` er ikke en dato ÅÅÅÅ-MM-DD")))?;
    Ok(dates::long(date, lang))
}

/// `{{ text | linjeskift }}`: keeps a text's single line breaks in Markdown (Pandoc's hard
/// break, a backslash at the end of the line); blank lines stay paragraph breaks.
/// `{{ text | json_str }}`: a quoted string literal, valid in JSON and YAML.
fn json_str(value: &str, _: Kwargs, _: &State) -> String {
    serde_json::to_string(value).expect("a string serialises")
}

/// `{{ text | linjeskift }}`: the text escaped as the template escapes values, with its
/// single line breaks kept as Markdown hard breaks.
struct Linjeskift;

impl tera::Filter<tera::StringInput<'_>, tera::TeraResult<tera::Value>> for Linjeskift {
    fn call(&self, value: tera::StringInput<'_>, _: Kwargs, state: &State) -> tera::TeraResult<tera::Value> {
        let escaped = value.rendered(state)?;
        Ok(tera::Value::safe_string(&hard_breaks(&escaped)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// Escapes a value for Markdown (Pandoc's flavour), so a free text stays text: no heading,
/// list, quote, table, code, link, emphasis, raw HTML or math can come of it. Inline, the
/// characters that start such things get a backslash; at the start of a line also what makes
/// a heading (`#`, a line of `=` or `-`), a quote (`>`), a list item (`-`, `+` or a number's
/// `.` or `)` before a space) or a definition (`:` before a space); indentation is dropped
/// (four spaces would make code). Ordinary prose — `3.5`, `A & B`, `post@kommune.no` — is
/// left as it is, so the draft stays readable where it is edited.
pub fn escape_markdown(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut escaped = String::with_capacity(input.len() + 8);
    for (i, line) in input.split('\n').enumerate() {
        if i > 0 {
            escaped.push('\n');
        }
        let line = line.trim_start_matches([' ', '\t']);
        let bytes = line.as_bytes();
        let spaced = |at: usize| bytes.get(at).is_none_or(|b| b.is_ascii_whitespace());
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        let rule = !line.is_empty() && line.trim_end().bytes().all(|b| b == b'=' || b == b'-');
        for (j, c) in line.char_indices() {
            let at_start = j == 0
                && match c {
                    '#' | '>' => true,
                    '-' | '+' | ':' => rule || spaced(1),
                    '=' => rule,
                    _ => false,
                };
            let numbered = digits > 0 && j == digits && matches!(c, '.' | ')') && spaced(j + 1);
            let inline = matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' | '^' | '$');
            if at_start || numbered || inline {
                escaped.push('\\');
            }
            escaped.push(c);
        }
    }
    out.write_all(escaped.as_bytes())
}

fn hard_breaks(value: &str) -> String {
    let lines: Vec<&str> = value.split('\n').collect();
    let mut out = String::with_capacity(value.len() + lines.len());
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        if let Some(next) = lines.get(i + 1) {
            if !line.trim().is_empty() && !next.trim().is_empty() {
                out.push('\\');
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_keeps_a_text_a_text() {
        let escape = |s: &str| {
            let mut out = Vec::new();
            escape_markdown(s, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            escape("# Kopi til\n- barnevern\n  1. a\n**fet** <b>"),
            "\\# Kopi til\n\\- barnevern\n1\\. a\n\\*\\*fet\\*\\* \\<b>"
        );
        for plain in [
            "Samtaler med foreldrene, 3 ganger.",
            "30.5",
            "A & B",
            "post@kommune.no",
            "-5 grader",
            "1990-tallet",
        ] {
            assert_eq!(escape(plain), plain);
        }
        assert_eq!(escape("---"), "\\---");
        assert_eq!(escape("Tekst\n==="), "Tekst\n\\===");
    }

    #[test]
    fn line_breaks_for_markdown() {
        assert_eq!(hard_breaks("a\nb\n\nc"), "a\\\nb\n\nc");
        assert_eq!(hard_breaks("one line"), "one line");
    }
}
