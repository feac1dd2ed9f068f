//! Two questions `rt refer` asks of what was typed before building the case: R5 again on the
//! free texts (the team's word list, see `rules::r5`), and R7 on the contact persons (people
//! of `rt.toml` only).

use super::{Args, dialogue};
use crate::error::Error;
use crate::model::{Config, Field};
use crate::problem::Problem;
use crate::prompt::Prompter;
use crate::rules::Finding;
use crate::rules::r5::WordList;
use crate::rules::text::normalise_text;
use crate::session::Session;
use crate::store::load;

/// R5 asked, not guessed: the phrases of the texts on the word list. At a terminal the
/// question is asked again with them (yes stops the referral); without one they refuse the
/// referral unless `--no-violence-concern` says R5 was considered.
pub fn r5_again(args: &Args, ctx: &Session) -> Result<Vec<String>, Error> {
    let words = match load::r5_words(&ctx.team)? {
        Some(team) => WordList::built_in().with(&team),
        None => WordList::built_in().clone(),
    };
    let texts = [&args.concern, &args.tried, &args.wishes, &args.question];
    let phrases: Vec<String> =
        texts.iter().filter_map(|t| t.as_deref()).flat_map(|t| words.find(t)).collect();
    if !phrases.is_empty() && !args.no_violence_concern {
        if !ctx.interactive {
            return Err(Problem::ViolenceWords { phrases }.into());
        }
        dialogue::ask_r5(&phrases, &mut Prompter::terminal(ctx.lang))?;
    }
    Ok(phrases)
}

/// R7: the contact persons to invite, as `rt.toml` names them; anyone not there is an error
/// with the closest name.
pub fn contacts(names: &[String], config: &Config, findings: &mut Vec<Finding>) -> Vec<String> {
    let mut invite: Vec<String> = Vec::new();
    for (i, name) in names.iter().map(|n| normalise_text(n)).filter(|n| !n.is_empty()).enumerate() {
        match config.person(&name) {
            Some(p) if invite.contains(&p.name) => {}
            Some(p) => invite.push(p.name.clone()),
            None => {
                let suggestion = crate::suggest::closest(&name, config.person_names());
                findings.push(Finding::error(
                    Field::Invite(Some(i)),
                    Problem::UnknownContact { name, suggestion },
                ));
            }
        }
    }
    invite
}
