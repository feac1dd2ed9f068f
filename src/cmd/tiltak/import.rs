//! `rt tiltak import`: a municipality's spreadsheet of measures into the tiltaksbank. Reads
//! the sheet ([`crate::tiltak::import`]), plans each row against the catalogue
//! ([`crate::tiltak::plan`]), shows the plan as a checklist ([`crate::tiltak::preview`]) and,
//! with `--apply`, writes it: new services to `rt.toml` (with `--add-providers`), then the
//! measures. Exit 1 when a row was skipped — the good rows are still written with `--apply`.

use std::path::PathBuf;

use crate::diagnostic::{Severity, render_message};
use crate::error::Error;
use crate::model::Access;
use crate::problem::Problem;
use crate::session::Session;
use crate::store::{CONFIG_FILE, TILTAK_FILE, config_edit, spreadsheet, tiltak_file};
use crate::tiltak::import::{self, Column, MAP_FIELDS};
use crate::tiltak::plan::{self, Step};
use crate::tiltak::preview::Preview;

/// Flags of `rt tiltak import`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:
  rt tiltak import Forebyggende_tiltak.xlsx                  vis hva som ville skjedd, rad for rad
  rt tiltak import Forebyggende_tiltak.xlsx --apply          skriv til tiltaksbank.toml
  rt tiltak import tiltak.xlsx --header-row 4 --add-providers --apply
  rt tiltak import tiltak.csv --map 'Hva=name' --default-access open --apply

Overskriftsraden finnes blant de første radene. Kolonnene finnes ut fra overskriftene:
Tiltak/Navn, Tjeneste/Enhet/Tilbyder, Slik får du tilbudet/Henvisning/Tilgang, Nivå,
Målgruppe, Alder, Alder fra, Alder til, Beskrivelse, Kontaktinformasjon/Kontakt, Lenke,
Stikkord, Id. En kolonne som mangler i arket, lar det feltet være. Et felt som er endret for
hånd i tiltaksbank.toml siden forrige import, beholdes (se --overwrite-edited).

Sammenslåtte celler (.xlsx) gjelder hver rad de dekker. En rad med bare en tjeneste er en
overskrift: tjenesten gjelder radene under. Tomme celler for tjeneste, tilgang og kontakt
fylles fra raden over når den er fra samme tjeneste (ikke i et ark med Id-kolonne), og
sjekklisten sier det på raden («… fra raden over»). Tekstene følger samme regler som i
`rt tiltak add`: ingen fødselsnummer, ingen kontrolltegn, og bare beskrivelsen kan ha flere
linjer; en rad som bryter dem, hoppes over og nevnes.")]
pub struct ImportArgs {
    /// Regnearket (.xlsx) eller CSV-filen
    #[arg(value_name = "FIL")]
    pub file: PathBuf,
    /// Arket som skal leses (standard: det første)
    #[arg(long, value_name = "ARK")]
    pub sheet: Option<String>,
    /// Raden med overskriftene (standard: finnes blant de første radene)
    #[arg(long = "header-row", value_name = "N", value_parser = crate::cli::number_arg::<u32>(1, 100_000))]
    pub header_row: Option<u32>,
    /// Les en kolonne som et felt: KOLONNE=felt (kolonnens overskrift eller bokstav)
    #[arg(long, value_name = "KOLONNE=FELT", value_parser = map_arg)]
    pub map: Vec<(String, Column)>,
    /// Tilgang for rader som ikke sier det: open, via-team, referral eller decision
    #[arg(long = "default-access", value_name = "TILGANG", value_parser = super::access_arg)]
    pub default_access: Option<Access>,
    /// Legg tjenester som ikke står i rt.toml, til under [[providers]]
    #[arg(long = "add-providers")]
    pub add_providers: bool,
    /// Skriv arkets verdier også over felt som er endret for hånd siden forrige import
    #[arg(long = "overwrite-edited")]
    pub overwrite_edited: bool,
    /// Skriv endringene (uten dette vises bare hva som ville skjedd)
    #[arg(long)]
    pub apply: bool,
}

fn map_arg(text: &str) -> Result<(String, Column), String> {
    let (column, field) = text.rsplit_once('=').ok_or_else(|| {
        crate::cli::arg_error(
            format!("`{text}`: skriv KOLONNE=felt"),
            format!("`{text}`: write COLUMN=field"),
        )
    })?;
    let field = Column::parse(field).ok_or_else(|| {
        crate::cli::arg_error(
            format!("`{field}`: feltene er {MAP_FIELDS}"),
            format!("`{field}`: the fields are {MAP_FIELDS}"),
        )
    })?;
    Ok((column.trim().to_string(), field))
}

/// Runs `rt tiltak import`.
pub fn run(args: ImportArgs, ctx: &Session) -> Result<i32, Error> {
    // With --apply, read and write in one transaction, so the plan shown is the plan written.
    let mut tx = if args.apply { Some(ctx.transaction()?) } else { None };
    let (config, bank) = super::load_bank(ctx, crate::tiltak::privacy::Use::Write)?;
    let lang = ctx.lang;
    let sheet = spreadsheet::read(&args.file, args.sheet.as_deref())?;
    let options = import::Options {
        maps: args.map.clone(),
        header_row: args.header_row.map(|n| n as usize),
        default_access: args.default_access,
        add_providers: args.add_providers,
    };
    let parsed = import::parse(&sheet, &config, &options).map_err(Error::Stop)?;
    let plan = plan::plan(&parsed, &bank, ctx.today, args.overwrite_edited);
    let preview = Preview { sheet: &sheet.name, parsed: &parsed, plan: &plan, config: &config, lang };
    // Every text of the sheet is shown as it is, but never a national id number in it.
    ctx.print(&crate::rules::national_id::redact(&preview.render()))?;

    for (row, step) in &plan.steps {
        let Step::Skipped { problem, .. } = step else { continue };
        let place = match &problem.column {
            Some((letter, header)) => lang.pick(
                format!("{}, rad {row}, kolonne {letter} ({header})", sheet.name),
                format!("{}, row {row}, column {letter} ({header})", sheet.name),
            ),
            None => lang.pick(format!("{}, rad {row}", sheet.name), format!("{}, row {row}", sheet.name)),
        };
        // A finding with a place, like `path:line:col` in a file: `sheet, row, column: feil: …`.
        ctx.note(render_message(Severity::Error, Some(&place), &problem.problem, None, lang));
    }
    let c = plan.counts();
    let mut summary = lang.pick(
        format!("{} nye, {} endret, {} uendret", c.added, c.changed, c.same),
        format!("{} new, {} changed, {} unchanged", c.added, c.changed, c.same),
    );
    if c.duplicates > 0 {
        summary.push_str(&lang.pick(
            format!(", {} doble rader telt én gang", c.duplicates),
            format!(", {} duplicate rows counted once", c.duplicates),
        ));
    }
    if c.kept > 0 {
        summary.push_str(&lang.pick(
            format!(", {} felt beholdt (endret for hånd)", c.kept),
            format!(", {} fields kept (edited by hand)", c.kept),
        ));
    }
    summary
        .push_str(&lang.pick(format!(", {} hoppet over.", c.skipped), format!(", {} skipped.", c.skipped)));
    ctx.note(summary);

    let skipped = |written| Problem::RowsSkipped { skipped: c.skipped, reasons: plan.reasons(), written };
    if !args.apply {
        ctx.note(lang.pick(
            "Ingenting er skrevet; kjør med --apply for å skrive.",
            "Nothing written; run with --apply to write.",
        ));
        return if c.skipped > 0 { Err(Error::Stop(skipped(false))) } else { Ok(0) };
    }
    let Some(mut tx) = tx.take() else { unreachable!("--apply has a transaction") };
    let measures = plan.to_write();
    // Both files in one transaction: the measures of a new provider never land without it.
    if !parsed.new_providers.is_empty() {
        let text = tx.read(CONFIG_FILE)?.unwrap_or_default();
        config_edit::add_providers(&mut tx, &text, &parsed.new_providers)?;
    }
    if !measures.is_empty() {
        let text = tx.read(TILTAK_FILE)?.unwrap_or_else(|| "schema = 1\n".into());
        tiltak_file::save(&mut tx, &text, &measures)?;
    }
    crate::cmd::commit(ctx, tx)?;
    if !parsed.new_providers.is_empty() {
        ctx.note(lang.pick(
            format!("{} nye tilbydere skrevet til {CONFIG_FILE}.", parsed.new_providers.len()),
            format!("{} new providers written to {CONFIG_FILE}.", parsed.new_providers.len()),
        ));
    }
    if !measures.is_empty() {
        ctx.note(lang.pick(
            format!("{} tiltak skrevet til {TILTAK_FILE}.", measures.len()),
            format!("{} measures written to {TILTAK_FILE}.", measures.len()),
        ));
    }
    if c.skipped > 0 {
        return Err(Error::Stop(skipped(true)));
    }
    Ok(0)
}
