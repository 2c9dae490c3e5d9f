//! Case files (`cases/**/<id>.toml`): structure only; rules that need pathways, the team or
//! other cases live in [`crate::check`].

use super::{Decoder, Obj};
use crate::i18n::Msg;
use crate::model::*;

const ROOT_KEYS: &[&str] = &[
    "id",
    "pathway",
    "coordinator",
    "doctor",
    "treatment",
    "patient",
    "care",
    "event",
    "appointment",
    "mdt",
    "task",
    "deviation",
    "note",
    "transfer",
    "closed",
];

/// Decodes a case file. `stem` is the file name without `.toml`. Gives `None` when the file is
/// not usable as a case (empty, or no readable `id` or `pathway`). Otherwise every entry that
/// could be read is kept: an entry with an unreadable required field (an event without a
/// readable date) is left out, an unreadable optional field is absent (docs/reference.md,
/// "Files with errors").
pub fn parse_case(d: &mut Decoder<'_>, text: &str, stem: &str) -> Option<Case> {
    let doc = d.document(text, true)?;
    let root = d.root(&doc);
    d.keys(root, ROOT_KEYS);
    let id = d.req_id::<Text>(root, "id");
    if let Some(id) = &id
        && id.value != stem
    {
        d.sink.error(
            id.span,
            Msg::IdNotStem {
                id: id.value.to_string(),
                stem: stem.to_string(),
            },
        );
    }
    let pathway = d.req_string(root, "pathway");
    let coordinator = d.string(root, "coordinator");
    let doctor = d.string(root, "doctor");
    let treatment = d.vocab(root, "treatment");

    let patient = d
        .table(root, "patient", "[patient]")
        .map(|p| patient(d, p))
        .unwrap_or_default();
    let care = d
        .table(root, "care", "[care]")
        .map(|c| care(d, c))
        .unwrap_or_default();
    let events = entries(d, root, "event", "[[event]]", event);
    let appointments = entries(d, root, "appointment", "[[appointment]]", appointment);
    let mdts = entries(d, root, "mdt", "[[mdt]]", mdt);
    let tasks = entries(d, root, "task", "[[task]]", task);
    let deviations = entries(d, root, "deviation", "[[deviation]]", deviation);
    let notes = entries(d, root, "note", "[[note]]", note);
    let transfer = d
        .table(root, "transfer", "[transfer]")
        .and_then(|t| transfer(d, t))
        .map(Box::new);
    let closed = d
        .table(root, "closed", "[closed]")
        .and_then(|c| closed(d, c));

    Some(Case {
        id: id?,
        pathway: pathway?,
        coordinator,
        doctor,
        treatment,
        patient,
        care,
        events,
        appointments,
        mdts,
        tasks,
        deviations,
        notes,
        transfer,
        closed,
        file: d.sink.file.into(),
    })
}

/// The readable entries of an array of tables, in a vector of exactly their number. (A collected
/// `filter_map` reserves room for four: a case of one appointment, one MDT meeting and one note
/// would carry room for nine more, about 800 bytes, for as long as the register is loaded.)
fn entries<T>(
    d: &mut Decoder<'_>,
    root: Obj<'_, '_>,
    key: &str,
    section: &'static str,
    decode: fn(&mut Decoder<'_>, Obj<'_, '_>) -> Option<T>,
) -> Vec<T> {
    let tables = d.tables(root, key, section);
    let mut out = Vec::with_capacity(tables.len());
    for t in tables {
        out.extend(decode(d, t));
    }
    out
}

fn patient(d: &mut Decoder<'_>, p: Obj<'_, '_>) -> Patient {
    d.keys(p, &["name", "fnr", "born", "gp"]);
    let fnr = d.string::<Text>(p, "fnr");
    if let Some(f) = &fnr
        && let Err(e) = crate::fnr::validate(&f.value)
    {
        let msg = match e {
            crate::fnr::FnrError::Length => Msg::FnrLength,
            crate::fnr::FnrError::NotDigits => Msg::FnrNotDigits,
            crate::fnr::FnrError::Control => Msg::FnrControl,
            crate::fnr::FnrError::Date => Msg::FnrDate,
        };
        d.sink.error(f.span, msg);
    }
    Patient {
        name: d.string(p, "name").map(|v| v.value),
        fnr,
        born: d.int(p, "born", 1850, 2200),
        gp: d.string(p, "gp").map(|v| v.value),
    }
}

fn care(d: &mut Decoder<'_>, c: Obj<'_, '_>) -> Care {
    d.keys(c, &["individual_plan", "municipal_contact_consent"]);
    Care {
        individual_plan: d.vocab(c, "individual_plan").map(|v| v.value),
        municipal_contact_consent: d.bool(c, "municipal_contact_consent"),
    }
}

fn header(o: Obj<'_, '_>) -> crate::diag::Span {
    crate::diag::Span::from(o.span())
}

fn event(d: &mut Decoder<'_>, e: Obj<'_, '_>) -> Option<Event> {
    d.keys(e, &["milestone", "date", "note", "outcome", "treatment"]);
    let milestone = d.req_string(e, "milestone");
    let date = d.req_date(e, "date");
    let note = d.string(e, "note").map(|v| v.value);
    let outcome = d.vocab(e, "outcome");
    let treatment = d.vocab(e, "treatment");
    Some(Event {
        milestone: milestone?,
        date: date?,
        note,
        outcome,
        treatment,
        span: header(e),
    })
}

fn appointment(d: &mut Decoder<'_>, a: Obj<'_, '_>) -> Option<Appointment> {
    d.keys(a, &["date", "time", "what", "where", "milestone"]);
    let date = d.req_date(a, "date");
    let time = d.string::<Text>(a, "time");
    if let Some(t) = &time
        && !is_clock_time(&t.value)
    {
        d.sink.error(
            t.span,
            Msg::BadTime {
                value: t.value.to_string(),
            },
        );
    }
    let what = d.req_string(a, "what");
    let place = d.string(a, "where").map(|v| v.value);
    let milestone = d.string(a, "milestone");
    Some(Appointment {
        date: date?,
        time: time.map(|t| t.value),
        what: what?.value,
        place,
        milestone,
    })
}

/// Whether `s` is a 24-hour `HH:MM` time.
fn is_clock_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && [0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit())
        && s[..2].parse::<u8>().is_ok_and(|h| h < 24)
        && s[3..].parse::<u8>().is_ok_and(|m| m < 60)
}

fn mdt(d: &mut Decoder<'_>, m: Obj<'_, '_>) -> Option<Mdt> {
    d.keys(m, &["date", "question", "conclusion"]);
    let date = d.req_date(m, "date");
    let question = d.string(m, "question").map(|v| v.value);
    let conclusion = d.string(m, "conclusion").map(|v| v.value);
    Some(Mdt {
        date: date?,
        question,
        conclusion,
    })
}

fn task(d: &mut Decoder<'_>, t: Obj<'_, '_>) -> Option<CaseTask> {
    d.keys(t, &["id", "done", "name", "due"]);
    let id = d.req_id(t, "id");
    let done = d.date(t, "done");
    let name = d.string(t, "name").map(|v| v.value);
    let due = d.date(t, "due");
    Some(CaseTask {
        id: id?,
        done,
        name,
        due,
    })
}

fn deviation(d: &mut Decoder<'_>, x: Obj<'_, '_>) -> Option<Deviation> {
    d.keys(x, &["interval", "reason", "reported"]);
    let interval = d.req_string(x, "interval");
    let reason = d.req_string(x, "reason");
    let reported = d.date(x, "reported").map(|v| v.value);
    Some(Deviation {
        interval: interval?,
        reason: reason?.value,
        reported,
    })
}

fn note(d: &mut Decoder<'_>, n: Obj<'_, '_>) -> Option<Note> {
    d.keys(n, &["date", "text", "by"]);
    let date = d.req_date(n, "date");
    let text = d.req_string(n, "text");
    let by = d.string(n, "by");
    Some(Note {
        date: date?,
        text: text?.value,
        by,
    })
}

fn transfer(d: &mut Decoder<'_>, t: Obj<'_, '_>) -> Option<Transfer> {
    d.keys(t, &["date", "to", "contact"]);
    let date = d.req_date(t, "date");
    let to = d.req_string(t, "to");
    let contact = d.string(t, "contact");
    Some(Transfer {
        date: date?,
        to: to?.value,
        contact,
    })
}

fn closed(d: &mut Decoder<'_>, c: Obj<'_, '_>) -> Option<Closed> {
    d.keys(c, &["date", "reason"]);
    let date = d.req_date(c, "date");
    let reason = if d.raw(c, "reason").is_none() {
        d.missing(c, "reason");
        None
    } else {
        d.vocab(c, "reason")
    };
    Some(Closed {
        date: date?,
        reason: reason?,
    })
}

#[cfg(test)]
mod tests {
    use super::is_clock_time;

    #[test]
    fn clock_times() {
        assert!(is_clock_time("09:30"));
        assert!(is_clock_time("23:59"));
        assert!(!is_clock_time("24:00"));
        assert!(!is_clock_time("9:30"));
        assert!(!is_clock_time("09:60"));
    }
}
