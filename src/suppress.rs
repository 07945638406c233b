//! Suppress: accountable suppressions and the baseline.
//!
//! - `[[suppress]]` entries in `.ecslint.toml`: rule, path glob, optional resource and pointer,
//!   a required reason and an optional `expires` date. An expired entry stops suppressing and is
//!   reported (ECS802).
//! - In YAML files, a comment on the line above the flagged one, or at the end of the flagged
//!   line: `# ecslint-ignore ECS201: reason` (several codes or names separated by commas).
//!   A comment without a reason, or naming no known rule, is reported (ECS803).
//! - A suppression that matched nothing is reported (ECS801), when the rules it names ran.
//! - The baseline: fingerprints of known findings (see `Finding::fingerprint`); matching
//!   findings are hidden and counted, and entries that no longer match are counted.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::discover::GlobList;
use crate::finding::{FileId, Finding};
use crate::load::Node;
use crate::rule::{Registry, RuleRef};
use crate::span::Span;

/// A calendar date, compared as (year, month, day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub i32, pub u32, pub u32);

impl Date {
    /// `YYYY-MM-DD`, strictly.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = s[0..4].parse().ok()?;
        let m = s[5..7].parse().ok()?;
        let d = s[8..10].parse().ok()?;
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(Date(y, m, d))
    }

    /// Today (UTC), from the system clock. Only the command line reads the clock; the core
    /// takes the date from the plan ([`crate::engine::Plan::new`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today() -> Date {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        Date::from_days(i64::try_from(days).unwrap_or(0))
    }

    /// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date(
            i32::try_from(y).unwrap_or(i32::MAX),
            u32::try_from(m).unwrap_or(1),
            u32::try_from(d).unwrap_or(1),
        )
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0, self.1, self.2)
    }
}

/// A `[[suppress]]` entry, compiled.
#[derive(Clone, Debug)]
pub struct ConfigSuppression {
    /// Rules it applies to, indexed like the registry.
    pub rules: Vec<bool>,
    pub rule: String,
    pub path: GlobList,
    pub resource: Option<String>,
    pub pointer: Option<String>,
    pub reason: String,
    pub expires: Option<Date>,
    /// Where the entry is in the config file.
    pub span: Span,
    pub line: u32,
}

/// A suppression written in the linted file itself: `# ecslint-ignore CODE[, CODE]: reason`
/// in a YAML file, or `ecslint: {ignore: {CODE: reason}}` in a CloudFormation `Metadata`.
#[derive(Clone, Debug)]
pub struct FileSuppression {
    /// The findings it applies to.
    pub target: Target,
    /// How it is written (for messages about it).
    pub form: Form,
    /// Its line (1-based).
    pub line: u32,
    pub rules: Vec<RuleRef>,
    pub reason: String,
    pub span: Span,
    /// Why the comment is not valid (no reason, unknown rule), if it is not.
    pub problem: Option<String>,
    /// The code a corrected comment would name (the closest rule to a misspelt one, or the
    /// first it names).
    pub suggestion: Option<String>,
}

/// The findings a [`FileSuppression`] applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Those on a line (1-based): a comment's own line when it trails a value, else the next
    /// line that is not a comment.
    Line(u32),
    /// Those within a span: a resource (its logical id and its definition), for its
    /// `Metadata`; the whole file for the template's.
    Within(Span),
}

/// How a [`FileSuppression`] is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Comment,
    /// `ecslint: {ignore: …}` under a template's or a resource's `Metadata`.
    Metadata,
    /// `cfn-lint: {config: {ignore_checks: […]}}` naming a cfn-lint rule an ecslint rule
    /// checks too: a team moving from cfn-lint keeps its decisions. Never reported as
    /// unused (it is cfn-lint's as much as ours).
    CfnLint,
}

/// Finds suppression comments in a YAML text; the rules they name are looked up in `registry`.
pub fn comments(text: &str, registry: &Registry, slashes: bool) -> Vec<FileSuppression> {
    if !text.contains("ecslint-ignore") {
        return Vec::new();
    }
    let lines: Vec<(usize, &str)> = {
        let mut offset = 0;
        text.split_inclusive('\n')
            .map(|l| {
                let start = offset;
                offset += l.len();
                (start, l.trim_end_matches(['\n', '\r']))
            })
            .collect()
    };
    let mut out = Vec::new();
    for (i, (start, line)) in lines.iter().enumerate() {
        let Some((col, marker)) = comment_start(line, slashes) else {
            continue;
        };
        // A comment alone on its line suppresses the next line; a trailing one, its own.
        let trailing = !line[..col].trim().is_empty();
        let Some(body) = line[col + marker..]
            .trim_start()
            .strip_prefix("ecslint-ignore")
        else {
            continue;
        };
        let span = Span::new(start + col, start + line.len());
        let (codes, reason) = match body.split_once(':') {
            Some((c, r)) => (c, r.trim()),
            None => (body, ""),
        };
        let mut rules = Vec::new();
        let mut unknown = Vec::new();
        for code in codes
            .split([',', ' '])
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            match registry.find(code) {
                Some(r) => rules.push(r.clone()),
                None => unknown.push(code.to_string()),
            }
        }
        let closest = unknown
            .first()
            .and_then(|u| crate::config::did_you_mean(u, false, registry));
        let suggestion = closest
            .clone()
            .or_else(|| rules.first().map(|r| r.code.to_string()));
        let problem = if !unknown.is_empty() {
            let hint = closest
                .as_ref()
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default();
            Some(format!(
                "unknown rule `{}` in suppression comment{hint}",
                unknown.join("`, `")
            ))
        } else if rules.is_empty() {
            Some("suppression comment names no rule".to_string())
        } else if reason.is_empty() {
            Some(
                "suppression comment has no reason; write `# ecslint-ignore CODE: why`".to_string(),
            )
        } else {
            None
        };
        let target = if trailing {
            i + 1
        } else {
            lines[i + 1..]
                .iter()
                .position(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                .map_or(0, |j| i + 1 + j + 1)
        };
        out.push(FileSuppression {
            target: Target::Line(u32::try_from(target).unwrap_or(0)),
            form: Form::Comment,
            line: u32::try_from(i + 1).unwrap_or(0),
            rules,
            reason: reason.to_string(),
            span,
            problem,
            suggestion,
        });
    }
    out
}

/// Suppressions in a CloudFormation template's `Metadata` (JSON or YAML): the template's own
/// apply to the whole file, a resource's to the resource (its logical id and definition).
///
/// ```yaml
/// Metadata:
///   ecslint:
///     ignore:
///       ECS212: the image is pinned by the deployment pipeline
///       privileged-container: the agent needs the host's devices
///   cfn-lint:
///     config:
///       ignore_checks: [E3047]
/// ```
///
/// An `ignore` entry without a reason, or naming no rule, is reported like a comment that
/// does (ECS803), and one that matches nothing as unused (ECS801). A cfn-lint id (or id
/// prefix, as cfn-lint reads them) suppresses the rules that check the same mistake
/// ([`crate::rule::Rule::cfn_lint_ids`]); ids of other cfn-lint rules are cfn-lint's business.
pub fn metadata(doc: &Node<'_>, text: &str, registry: &Registry) -> Vec<FileSuppression> {
    let mut out = Vec::new();
    let whole = Span::new(0, text.len());
    if let Some(meta) = doc.get("Metadata") {
        from_metadata(meta, whole, text, registry, &mut out);
    }
    let resources = doc
        .get("Resources")
        .and_then(Node::as_object)
        .unwrap_or_default();
    for r in resources {
        if let Some(meta) = r.value.get("Metadata") {
            let within = Span::new(r.key_span.start as usize, r.value.span.end as usize);
            from_metadata(meta, within, text, registry, &mut out);
        }
    }
    out
}

fn from_metadata(
    meta: &Node<'_>,
    within: Span,
    text: &str,
    registry: &Registry,
    out: &mut Vec<FileSuppression>,
) {
    let line_of = |span: Span| {
        let upto = text
            .as_bytes()
            .get(..span.start as usize)
            .unwrap_or_default();
        u32::try_from(memchr::memchr_iter(b'\n', upto).count() + 1).unwrap_or(u32::MAX)
    };
    let entry = |rules: Vec<RuleRef>, reason: String, span: Span, form: Form| FileSuppression {
        target: Target::Within(within),
        form,
        line: line_of(span),
        rules,
        reason,
        span,
        problem: None,
        suggestion: None,
    };
    if let Some(ignore) = meta.get("ecslint").and_then(|e| e.member("ignore")) {
        let Some(members) = ignore.value.as_object() else {
            let mut e = entry(Vec::new(), String::new(), ignore.key_span, Form::Metadata);
            e.problem = Some("`ignore` in `Metadata` must map rule codes to reasons".to_string());
            out.push(e);
            return;
        };
        for m in members {
            let span = Span::new(m.key_span.start as usize, m.value.span.end as usize);
            let reason = m.value.as_str().map(str::trim).unwrap_or_default();
            let rule = registry.find(&m.key);
            let mut e = entry(
                rule.cloned().into_iter().collect(),
                reason.to_string(),
                span,
                Form::Metadata,
            );
            e.suggestion = match rule {
                Some(r) => Some(r.code.to_string()),
                None => crate::config::did_you_mean(&m.key, false, registry),
            };
            e.problem = if rule.is_none() {
                let hint = e
                    .suggestion
                    .as_ref()
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                Some(format!(
                    "unknown rule `{}` in `Metadata` suppression{hint}",
                    m.key
                ))
            } else if reason.is_empty() {
                Some(format!(
                    "suppression of `{}` in `Metadata` has no reason; give one as its value",
                    m.key
                ))
            } else {
                None
            };
            out.push(e);
        }
    }
    let ignore_checks = meta
        .get("cfn-lint")
        .and_then(|c| c.get("config"))
        .and_then(|c| c.get("ignore_checks"))
        .and_then(Node::as_array)
        .unwrap_or_default();
    for id in ignore_checks {
        let Some(prefix) = id.as_str().filter(|p| !p.is_empty()) else {
            continue;
        };
        let rules: Vec<RuleRef> = registry
            .iter()
            .filter(|r| r.cfn_lint_ids().any(|c| c.starts_with(prefix)))
            .cloned()
            .collect();
        if !rules.is_empty() {
            let reason = format!("cfn-lint `ignore_checks` names {prefix}");
            out.push(entry(rules, reason, id.span, Form::CfnLint));
        }
    }
}

/// Where a YAML comment starts on `line`: a `#` at the start or after whitespace, outside
/// quoted scalars (`value: "a # b"` holds no comment).
/// Where a comment starts on `line` and how long its marker is: `#`, or (`slashes`: HCL)
/// `//`.
fn comment_start(line: &str, slashes: bool) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let after_space = i == 0 || bytes[i - 1].is_ascii_whitespace();
        match quote {
            // `\"` inside double quotes, and `''` inside single quotes, are escapes.
            Some(b'"') if b == b'\\' => i += 1,
            Some(b'\'') if b == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if matches!(b, b'"' | b'\'')
                && (after_space || matches!(bytes[i - 1], b':' | b'-' | b'[' | b'{' | b',')) =>
            {
                quote = Some(b);
            }
            None if b == b'#' && after_space => return Some((i, 1)),
            None if slashes && b == b'/' && after_space && bytes.get(i + 1) == Some(&b'/') => {
                return Some((i, 2))
            }
            None => {}
        }
        i += 1;
    }
    None
}

/// A finding that a suppression hid, with why.
#[derive(Clone, Debug)]
pub struct Suppressed {
    pub finding: Finding,
    pub reason: String,
    /// `path:line` of the suppression.
    pub by: String,
}

/// The baseline file: known findings by fingerprint.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub fingerprint: String,
    pub rule: String,
    pub file: String,
    /// For people reading the file; matching uses only the fingerprint.
    pub message: String,
}

impl Baseline {
    pub fn load(path: &std::path::Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("invalid baseline {}: {e}", path.display()))
    }

    /// The JSON text of a baseline holding `findings` (sorted, so it diffs well).
    pub fn render(findings: &[Finding], files: &[crate::engine::SourceFile]) -> String {
        let mut entries: Vec<BaselineEntry> = findings
            .iter()
            .map(|f| BaselineEntry {
                fingerprint: f.fingerprint(&files[f.file].display),
                rule: f.rule.code.to_string(),
                file: files[f.file].display.clone(),
                message: f.message.clone(),
            })
            .collect();
        entries.sort_by(|a, b| {
            (&a.file, &a.rule, &a.fingerprint).cmp(&(&b.file, &b.rule, &b.fingerprint))
        });
        let baseline = Baseline {
            version: 1,
            findings: entries,
        };
        serde_json::to_string_pretty(&baseline).unwrap_or_default() + "\n"
    }

    /// Removes the findings the baseline knows (each entry hides one finding). Returns how many
    /// were hidden and how many entries matched nothing.
    pub fn apply(
        &self,
        findings: &mut Vec<Finding>,
        files: &[crate::engine::SourceFile],
    ) -> (usize, usize) {
        let mut left: HashMap<&str, usize> = HashMap::new();
        for e in &self.findings {
            *left.entry(e.fingerprint.as_str()).or_default() += 1;
        }
        let before = findings.len();
        findings.retain(|f| {
            let fp = f.fingerprint(&files[f.file].display);
            match left.get_mut(fp.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
        (before - findings.len(), left.values().sum())
    }
}

/// Per-file input to [`apply`].
pub struct FileView<'a> {
    pub display: &'a str,
    pub path: Option<&'a std::path::Path>,
    pub comments: &'a [FileSuppression],
    pub mask: &'a [bool],
    /// Whether unused suppressions in this file may be reported (it was linted in full).
    pub judged: bool,
    /// The configuration whose settings apply to the file (an index into the configs).
    pub scope: usize,
}

/// One configuration's `[[suppress]]` entries, for [`apply`].
pub struct ConfigView<'a> {
    pub display: &'a str,
    pub entries: &'a [ConfigSuppression],
    /// The rules it enables (an entry for a rule that did not run is not judged unused).
    pub enabled: &'a [bool],
}

/// Where a finding about a suppression points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    File(FileId),
    /// The configuration file of this index.
    Config(usize),
}

/// What [`apply`] decided.
#[derive(Default)]
pub struct Applied {
    pub suppressed: Vec<Suppressed>,
    /// ECS801–ECS803 findings: (rule, where, span, message, help).
    pub meta: Vec<(RuleRef, At, Span, String, String)>,
}

/// Removes suppressed findings from `findings`, in three steps: [`hide`] the findings a
/// comment or a live entry suppresses, then report the configuration entries that expired or
/// matched nothing ([`entry_problems`]) and the comments that are invalid or matched nothing
/// ([`comment_problems`]). `line_of` gives a finding's line. A configuration's entries apply to
/// the files whose scope it is; an entry is reported unused only when its rules ran and its
/// glob matched a file judged in this run (a run over a few files cannot tell whether an entry
/// about another file is still needed).
pub fn apply(
    findings: &mut Vec<Finding>,
    files: &[FileView<'_>],
    line_of: &dyn Fn(&Finding) -> u32,
    configs: &[ConfigView<'_>],
    registry: &Registry,
    today: Date,
) -> Applied {
    let entries: Vec<Entry<'_>> = configs
        .iter()
        .enumerate()
        .flat_map(|(scope, c)| {
            c.entries.iter().map(move |e| Entry {
                scope,
                entry: e,
                live: e.expires.is_none_or(|d| d >= today),
            })
        })
        .collect();
    let mut out = Applied::default();
    let used = hide(
        findings,
        files,
        line_of,
        configs,
        &entries,
        &mut out.suppressed,
    );
    let (Some(unused), Some(expired), Some(invalid)) = (
        registry
            .of(&crate::checks::unused_suppression::RULE)
            .cloned(),
        registry
            .of(&crate::checks::expired_suppression::RULE)
            .cloned(),
        registry
            .of(&crate::checks::invalid_suppression::RULE)
            .cloned(),
    ) else {
        return out;
    };
    entry_problems(
        &entries,
        &used.entries,
        files,
        configs,
        (&unused, &expired),
        &mut out.meta,
    );
    comment_problems(files, &used.comments, (&unused, &invalid), &mut out.meta);
    out
}

/// A configuration entry, with the scope it belongs to and whether it is still in force.
struct Entry<'a> {
    scope: usize,
    entry: &'a ConfigSuppression,
    live: bool,
}

impl Entry<'_> {
    /// Whether the entry suppresses `f`, a finding in `view`.
    fn covers(&self, f: &Finding, view: &FileView<'_>) -> bool {
        let s = self.entry;
        self.live
            && self.scope == view.scope
            && s.rules.get(f.rule.index()).copied().unwrap_or(false)
            && view.path.is_some_and(|p| s.path.matches(p))
            && s.resource
                .as_ref()
                .is_none_or(|r| f.resource.as_deref() == Some(r.as_str()))
            && s.pointer
                .as_ref()
                .is_none_or(|p| *p == f.pointer || *p == f.stable)
    }
}

/// Which entries and which comments (per file) suppressed something.
struct Used {
    entries: Vec<bool>,
    comments: Vec<Vec<bool>>,
}

/// Takes out of `findings` every finding a comment on its line, or a live entry, suppresses.
fn hide(
    findings: &mut Vec<Finding>,
    files: &[FileView<'_>],
    line_of: &dyn Fn(&Finding) -> u32,
    configs: &[ConfigView<'_>],
    entries: &[Entry<'_>],
    suppressed: &mut Vec<Suppressed>,
) -> Used {
    let mut used = Used {
        entries: vec![false; entries.len()],
        comments: files
            .iter()
            .map(|f| vec![false; f.comments.len()])
            .collect(),
    };
    findings.retain(|f| {
        let view = &files[f.file];
        let line = line_of(f);
        let comment = view.comments.iter().position(|c| {
            c.problem.is_none()
                && match c.target {
                    Target::Line(l) => l == line,
                    Target::Within(span) => span.holds(f.span),
                }
                && c.rules.iter().any(|r| r.code == f.rule.code)
        });
        if let Some(ci) = comment {
            let c = &view.comments[ci];
            used.comments[f.file][ci] = true;
            suppressed.push(Suppressed {
                finding: f.clone(),
                reason: c.reason.clone(),
                by: format!("{}:{}", view.display, c.line),
            });
            return false;
        }
        if let Some(si) = entries.iter().position(|e| e.covers(f, view)) {
            let e = &entries[si];
            used.entries[si] = true;
            suppressed.push(Suppressed {
                finding: f.clone(),
                reason: e.entry.reason.clone(),
                by: format!("{}:{}", configs[e.scope].display, e.entry.line),
            });
            return false;
        }
        true
    });
    used
}

/// ECS802 for entries past their date; ECS801 for live entries that matched no finding,
/// although their rules ran on a file their glob matches.
fn entry_problems(
    entries: &[Entry<'_>],
    used: &[bool],
    files: &[FileView<'_>],
    configs: &[ConfigView<'_>],
    (unused, expired): (&RuleRef, &RuleRef),
    meta: &mut Vec<(RuleRef, At, Span, String, String)>,
) {
    for (e, used) in entries.iter().zip(used) {
        let s = e.entry;
        if !e.live {
            let until = s.expires.map(|d| d.to_string()).unwrap_or_default();
            meta.push((
                expired.clone(),
                At::Config(e.scope),
                s.span,
                format!(
                    "suppression of `{}` expired on {until} and no longer applies",
                    s.rule
                ),
                "fix the findings it hid, or renew `expires` with a reason that still holds"
                    .to_string(),
            ));
            continue;
        }
        let seen = files
            .iter()
            .any(|v| v.judged && v.scope == e.scope && v.path.is_some_and(|p| s.path.matches(p)));
        let ran = s
            .rules
            .iter()
            .zip(configs[e.scope].enabled)
            .any(|(r, on)| *r && *on);
        if seen && ran && !used {
            meta.push((
                unused.clone(),
                At::Config(e.scope),
                s.span,
                format!("suppression of `{}` matches no finding", s.rule),
                "remove it: what it suppressed is fixed or gone".to_string(),
            ));
        }
    }
}

/// ECS803 for comments that do not say what they should; ECS801 for comments whose rules ran
/// on their file and matched no finding on their line.
fn comment_problems(
    files: &[FileView<'_>],
    used: &[Vec<bool>],
    (unused, invalid): (&RuleRef, &RuleRef),
    meta: &mut Vec<(RuleRef, At, Span, String, String)>,
) {
    for (fi, view) in files.iter().enumerate() {
        for (ci, c) in view.comments.iter().enumerate() {
            if let Some(problem) = &c.problem {
                let code = c.suggestion.as_deref().unwrap_or("CODE");
                let help = match c.form {
                    Form::Metadata => format!(
                        "write `ecslint: {{ignore: {{{code}: why this is acceptable}}}}` under `Metadata`"
                    ),
                    _ => format!("write `# ecslint-ignore {code}: why this is acceptable`"),
                };
                meta.push((invalid.clone(), At::File(fi), c.span, problem.clone(), help));
                continue;
            }
            if c.form == Form::CfnLint {
                continue;
            }
            let ran = c
                .rules
                .iter()
                .any(|r| view.mask.get(r.index()).copied().unwrap_or(false));
            if view.judged && ran && !used[fi][ci] {
                let codes: Vec<&str> = c.rules.iter().map(|r| r.code.as_ref()).collect();
                let (where_, what) = match c.target {
                    Target::Line(l) => (format!("on line {l}"), "the comment"),
                    Target::Within(span) if span.start == 0 => {
                        ("in the template".to_string(), "the entry")
                    }
                    Target::Within(_) => ("in its resource".to_string(), "the entry"),
                };
                meta.push((
                    unused.clone(),
                    At::File(fi),
                    c.span,
                    format!(
                        "suppression of {} matches no finding {where_}",
                        codes.join(", ")
                    ),
                    format!("remove {what}: what it suppressed is fixed or gone"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(Date::parse("2026-11-24"), Some(Date(2026, 11, 24)));
        assert_eq!(Date::parse("2026-13-01"), None);
        assert_eq!(Date::parse("26-11-24"), None);
        assert_eq!(Date::from_days(0), Date(1970, 1, 1));
        assert_eq!(Date::from_days(20_416), Date(2025, 11, 24));
        assert!(Date(2025, 1, 2) > Date(2024, 12, 31));
    }

    #[test]
    fn trailing_comments_suppress_their_own_line() {
        let text = "hostPort: 50002  # ecslint-ignore ECS204: reason\nimage: \"a # ecslint-ignore ECS201: no\"\nport: 1 # ecslint-ignore ECS2O4: typo\nx: 'it'' # ecslint-ignore ECS201: no'\n";
        let c = comments(text, &Registry::builtin(), false);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!((c[0].line, c[0].target), (1, Target::Line(1)));
        assert!(c[0].problem.is_none());
        assert_eq!(&text[c[0].span.range()], "# ecslint-ignore ECS204: reason");
        assert_eq!(c[1].line, 3);
        assert!(
            c[1].problem
                .as_deref()
                .is_some_and(|p| p.contains("did you mean `ECS204`")),
            "{:?}",
            c[1].problem
        );
    }

    #[test]
    fn hcl_comments_start_with_a_hash_or_two_slashes() {
        let text = "cpu = 1 // ecslint-ignore ECS201: legacy\n# ecslint-ignore ECS204: x\nurl = \"http://a\"\n";
        let c = comments(text, &Registry::builtin(), true);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!((c[0].line, c[0].target), (1, Target::Line(1)));
        assert_eq!(&text[c[0].span.range()], "// ecslint-ignore ECS201: legacy");
        assert_eq!((c[1].line, c[1].target), (2, Target::Line(3)));
        assert!(comments(text, &Registry::builtin(), false).len() == 1);
    }

    #[test]
    fn comment_parsing() {
        let text = "a: 1\n# ecslint-ignore ECS201, ephemeral-host-port: legacy port\n\n  # note\nhostPort: 3000\n# ecslint-ignore ECS999: x\n# ecslint-ignore ECS201\nb: 2\n";
        let c = comments(text, &Registry::builtin(), false);
        assert_eq!(c.len(), 3);
        assert_eq!((c[0].line, c[0].target), (2, Target::Line(5)));
        assert_eq!(
            c[0].rules
                .iter()
                .map(|r| r.code.to_string())
                .collect::<Vec<_>>(),
            vec!["ECS201", "ECS204"]
        );
        assert_eq!(c[0].reason, "legacy port");
        assert!(c[0].problem.is_none());
        assert!(c[1]
            .problem
            .as_deref()
            .is_some_and(|p| p.contains("ECS999")));
        assert!(c[2]
            .problem
            .as_deref()
            .is_some_and(|p| p.contains("no reason")));
        assert_eq!(
            &text[c[0].span.range()],
            "# ecslint-ignore ECS201, ephemeral-host-port: legacy port"
        );
    }
}
