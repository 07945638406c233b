//! ECS109 invalid-family-name: `family` is required and must match `^[A-Za-z0-9_-]{1,255}$`.

use super::api_name_problem;
use crate::model::{TaskDef, TaskDefShape, Val};
use crate::rule::{Category, Check, Rule, Severity, Sink};

pub static RULE: Rule = Rule {
    code: "ECS109",
    name: "invalid-family-name",
    category: Category::DeployError,
    severity: Severity::Error,
    docs: include_str!("../../rules/ECS109-invalid-family-name.md"),
    check: Check::TaskDef(check),
    security_severity: None,
};

fn check(td: &TaskDef<'_>, sink: &mut Sink<'_>) {
    match td.family {
        Val::Absent if td.shape == TaskDefShape::RegisterInput => {
            sink.report(
                td.anchor,
                &td.pointer,
                "the task definition has no `family`, which registering requires",
            )
            .help(
                "add \"family\": \"my-app\" (letters, digits, `-` and `_`, up to 255 characters)",
            );
        }
        Val::Known(family, span) => {
            let Some(why) = api_name_problem(family) else {
                return;
            };
            sink.report(
                span,
                td.pointer.field("family"),
                format!("task `family` {why}"),
            )
            .help(format!("use a family such as \"{}\"", suggest(family)));
        }
        _ => {}
    }
}

/// A valid name close to `s`: other characters become `-`, cut to 255.
pub fn suggest(s: &str) -> String {
    // Letters lose their accents (`café-ü` → `cafe-u`); other characters become `-`, and runs
    // of `-` collapse, so a name never turns into `caf---`.
    let mut out = String::new();
    for c in s.chars() {
        let mapped = match c {
            c if c.is_ascii_alphanumeric() || c == '_' || c == '-' => Some(c),
            'à'..='å' | 'À'..='Å' => Some('a'),
            'ç' | 'Ç' => Some('c'),
            'è'..='ë' | 'È'..='Ë' => Some('e'),
            'ì'..='ï' | 'Ì'..='Ï' => Some('i'),
            'ñ' | 'Ñ' => Some('n'),
            'ò'..='ö' | 'ø' | 'Ò'..='Ö' | 'Ø' => Some('o'),
            'ù'..='ü' | 'Ù'..='Ü' => Some('u'),
            'ý' | 'ÿ' | 'Ý' => Some('y'),
            'ß' => Some('s'),
            _ => None,
        };
        match mapped {
            Some(c) => out.push(c),
            None if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            None => {}
        }
    }
    let mut out: String = out.trim_end_matches('-').chars().take(255).collect();
    if out.is_empty() {
        out.push_str("my-app");
    }
    out
}

#[cfg(test)]
mod suggest_tests {
    use super::suggest;

    #[test]
    fn suggestions_are_sensible() {
        assert_eq!(suggest("café-ü"), "cafe-u");
        assert_eq!(suggest("my app (v2)"), "my-app-v2");
        assert_eq!(suggest("web.api"), "web-api");
        assert_eq!(suggest("日本"), "my-app");
        assert_eq!(suggest("ok_name"), "ok_name");
    }
}
