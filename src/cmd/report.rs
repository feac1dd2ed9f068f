//! `rt report`: the half-year evaluation (R12) — facts beside the previous half-year's, the
//! four pattern questions with the team's own answers, as Markdown, one self-contained
//! printable HTML file with charts, or JSON for other tools.

use std::path::PathBuf;

use crate::cli::half_arg;
use crate::error::Error;
use crate::model::dates::Half;
use crate::model::{Case, Field};
use crate::problem::Problem;
use crate::render::{self, Templates};
use crate::report::disclosure::THRESHOLD;
use crate::report::figures::compute;
use crate::report::notes::{self, Notes};
use crate::report::published::Published;
use crate::report::view;
use crate::session::Session;
use crate::store::atomic::Privacy;
use crate::store::load;

/// Output formats of `rt report`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Markdown (Pandoc turns it into DOCX or PDF).
    #[default]
    Md,
    /// One self-contained HTML file with charts, for printing on A4.
    Html,
    /// Every figure, for other tools.
    Json,
}

/// Flags of `rt report`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:
  rt report                                  halvåret som nettopp er over
  rt report --half 2026H2 --format html --out evaluering.html --notes svar.txt
  rt report --current --format json

--notes leser teamets egne svar: teksten under linjene «Hva har vært bra?», «Hvorfor?»,
«Hva kan bli bedre?» og «Hvordan?». Tall for 1 eller 2 personer vises som «skjult», og det
samme gjør de tallene som ellers kunne brukes til å regne dem ut (slås av med
small_numbers = false under [privacy] i rt.toml).")]
pub struct Args {
    /// Halvåret, f.eks. 2026H2; standard: halvåret som nettopp er over
    #[arg(long, value_name = "HALVÅR", value_parser = half_arg, conflicts_with = "current")]
    pub half: Option<Half>,
    /// Halvåret vi er i nå
    #[arg(long)]
    pub current: bool,
    /// Utdata: md, html eller json
    #[arg(long, value_name = "FORMAT", default_value = "md")]
    pub format: Format,
    /// Teamets svar på mønsterspørsmålene, som tekst
    #[arg(long, value_name = "FIL")]
    pub notes: Option<PathBuf>,
    /// Skriv til denne filen i stedet for til skjermen
    #[arg(long, value_name = "FIL")]
    pub out: Option<PathBuf>,
}

/// Runs `rt report`.
pub fn run(args: Args, ctx: &Session) -> Result<i32, Error> {
    let config = ctx.config()?;
    let lang = ctx.lang;
    let half = match (args.half, args.current) {
        (Some(h), _) => h,
        (None, true) => Half::of(ctx.today),
        (None, false) => Half::of(ctx.today).previous(),
    };
    let notes = match &args.notes {
        Some(path) => {
            // Capped like every file rt reads (`--notes /dev/zero` ends at once), and shown
            // outside the team: never a national id.
            let text = load::read_capped(path).map_err(|e| Error::read(path, e))?;
            if crate::rules::national_id::contains_national_id(&text) {
                return Err(Problem::NationalId { field: Field::Key("--notes".into()) }.into());
            }
            notes::parse_notes(&text)
        }
        None => Notes::default(),
    };
    // Only cases referred or discussed in these two half-years count.
    let need = load::Need { months: load::Need::months_of(&[half, half.previous()]), ..Default::default() };
    let (all, diags) = load::cases_for(&ctx.team, &need);
    super::warn_unreadable_cases(ctx, &diags, super::LeftOut::NotCounted);
    let cases: Vec<&Case> = all.iter().map(|c| &c.case).collect();
    let figures = |h: Half| -> Result<_, Error> {
        let schedule = load::schedule_or_stop(&ctx.team, config, h)?;
        let f = compute(h, &cases, &schedule, config, ctx.today);
        Ok(Published::new(&f, config.small_numbers))
    };
    let (now, before) = (figures(half)?, figures(half.previous())?);

    let text = match args.format {
        Format::Json => {
            let doc = serde_json::json!({
                "team": config.team,
                "half": half.to_string(),
                "previous_half": half.previous().to_string(),
                "small_numbers_hidden": config.small_numbers,
                "threshold": THRESHOLD,
                "current": now.json(),
                "previous": before.json(),
                "notes": notes,
            });
            super::to_json(&doc)
        }
        Format::Md | Format::Html => {
            let generated = render::dates::long(ctx.today, lang);
            let v = view::view(&now, &before, config, notes, generated, lang);
            let ext = if args.format == Format::Md { "md" } else { "html" };
            Templates::load(&ctx.team)?.render(&render::file("report", lang, ext), &v)?
        }
    };
    super::write_or_print(ctx, args.out.as_deref(), &text, Privacy::Shared)?;
    Ok(0)
}
