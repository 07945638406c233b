//! `--format github`: GitHub Actions workflow commands, so findings appear on the pull
//! request's diff without code scanning:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.

use super::region;
use crate::engine::Outcome;
use crate::rule::Severity;

/// Escapes the message part of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`,` and `:` separate properties).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    // What was not read is said on the run, not passed over as clean.
    let not_read = outcome.not_read();
    if !not_read.is_empty() {
        out.push_str(&format!(
            "::warning title=ecslint::Not read: {}\n",
            data(&crate::classify::describe_not_read(&not_read))
        ));
    }
    for f in &outcome.findings {
        let file = &outcome.files[f.file];
        let r = region(file, f.span);
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            property(&file.display),
            r.line,
            r.column,
            r.end_line,
            r.end_column,
            property(&format!("{} {}", f.rule.code, f.rule.name)),
            data(&message),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
