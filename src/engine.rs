//! The engine: load and lint every file in parallel (rayon), link the workspace, run the
//! cross-file rules, and return findings sorted so output is identical whatever the thread count.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::checks::RULES;
use crate::classify::{self, Foreign, Source};
use crate::discover::{GlobList, Input};
use crate::finding::{FileId, Finding};
use crate::link::{self, Fact, Workspace};
use crate::load::{self, Syntax};
use crate::model::pointer::stable_path;
use crate::model::{self, Recognised, Resource};
use crate::rule::{Check, Rule, Severity, Sink};
use crate::span::{LineIndex, Position, Span};
use crate::suppress::{
    self, Baseline, CommentSuppression, ConfigSuppression, Date, FileView, Suppressed,
};

/// Files larger than this are refused with a message, by default (spans are 32-bit, and a
/// huge configuration file is more likely hostile than real).
pub const MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;
/// At most this many findings are kept per file (a real task definition is far below it).
pub const MAX_FINDINGS_PER_FILE: usize = 1000;
/// The most `max-file-size` may be raised to: spans are 32-bit offsets.
pub const MAX_FILE_SIZE_CEILING: u64 = u32::MAX as u64 / 2;

/// What to run: enabled rules and severities (indexed like [`RULES`]), per-file ignores,
/// suppressions, the baseline, and which files to report on.
#[derive(Debug)]
pub struct Plan {
    pub enabled: Vec<bool>,
    pub severity: Vec<Severity>,
    pub per_file_ignores: Vec<(GlobList, Vec<bool>)>,
    /// `[[suppress]]` entries of the config file.
    pub suppressions: Vec<ConfigSuppression>,
    /// The config file (display path and text), where findings about its entries point.
    pub config_file: Option<(String, Arc<str>)>,
    pub baseline: Option<Baseline>,
    /// Report only on these files (`--changed-since`); the others are still read and linked.
    pub only_files: Option<HashSet<PathBuf>>,
    /// The date expiring suppressions are compared with.
    pub today: Date,
    /// Files larger than this many bytes are not read.
    pub max_file_size: u64,
    /// The directory of the run's configuration file, when there is one.
    pub base: Option<PathBuf>,
    /// The settings of other configuration files: the nearest `.ecslint.toml` above a file
    /// applies to it (see [`Plan::scope_of`]).
    pub scopes: Vec<Scope>,
}

/// The rule settings of one configuration file other than the run's own. Run-wide settings
/// (`fail-on`, `max-file-size`, `include`) come from the run's configuration only.
#[derive(Debug)]
pub struct Scope {
    /// The directory of the configuration file: its settings apply to the files under it.
    pub base: PathBuf,
    pub enabled: Vec<bool>,
    pub severity: Vec<Severity>,
    pub per_file_ignores: Vec<(GlobList, Vec<bool>)>,
    pub suppressions: Vec<ConfigSuppression>,
    pub config_file: Option<(String, Arc<str>)>,
    /// Files and directories under `base` not to lint when walking.
    pub exclude: GlobList,
}

/// The settings that apply to a file, borrowed from the plan or from one of its scopes.
pub struct Settings<'p> {
    pub enabled: &'p [bool],
    pub severity: &'p [Severity],
    pub per_file_ignores: &'p [(GlobList, Vec<bool>)],
    pub suppressions: &'p [ConfigSuppression],
    pub config_file: Option<&'p (String, Arc<str>)>,
}

impl Plan {
    /// Which settings apply to `input`: `0` for the run's own, `k` for `scopes[k - 1]`. The
    /// configuration file nearest above the file wins.
    pub fn scope_of(&self, input: &Input) -> usize {
        let Some(path) = &input.path else { return 0 };
        let depth = |base: &PathBuf| base.components().count();
        let mut best = (
            0,
            self.base
                .as_ref()
                .filter(|b| path.starts_with(b))
                .map_or(0, depth),
        );
        for (k, scope) in self.scopes.iter().enumerate() {
            if path.starts_with(&scope.base) && depth(&scope.base) > best.1 {
                best = (k + 1, depth(&scope.base));
            }
        }
        best.0
    }

    /// The settings of scope `k` (see [`Plan::scope_of`]).
    pub fn settings(&self, k: usize) -> Settings<'_> {
        match k.checked_sub(1).and_then(|i| self.scopes.get(i)) {
            Some(s) => Settings {
                enabled: &s.enabled,
                severity: &s.severity,
                per_file_ignores: &s.per_file_ignores,
                suppressions: &s.suppressions,
                config_file: s.config_file.as_ref(),
            },
            None => Settings {
                enabled: &self.enabled,
                severity: &self.severity,
                per_file_ignores: &self.per_file_ignores,
                suppressions: &self.suppressions,
                config_file: self.config_file.as_ref(),
            },
        }
    }

    /// Every rule at its default severity.
    pub fn all() -> Plan {
        Plan {
            enabled: vec![true; RULES.len()],
            severity: RULES.iter().map(|r| r.severity).collect(),
            per_file_ignores: Vec::new(),
            suppressions: Vec::new(),
            config_file: None,
            baseline: None,
            only_files: None,
            today: Date::today(),
            max_file_size: MAX_FILE_SIZE,
            base: None,
            scopes: Vec::new(),
        }
    }

    /// Only the named rule.
    pub fn only(code: &str) -> Plan {
        let mut plan = Plan::all();
        plan.enabled = RULES.iter().map(|r| r.code == code).collect();
        plan
    }

    fn reported(&self, input: &Input) -> bool {
        match (&self.only_files, &input.path) {
            (None, _) => true,
            (Some(_), _) if input.stdin.is_some() => true,
            (Some(set), Some(p)) => {
                set.contains(p) || std::fs::canonicalize(p).is_ok_and(|c| set.contains(&c))
            }
            (Some(_), None) => false,
        }
    }

    fn mask_for(&self, input: &Input, scope: usize) -> Vec<bool> {
        let settings = self.settings(scope);
        let mut mask = settings.enabled.to_vec();
        if let Some(path) = &input.path {
            for (globs, ignored) in settings.per_file_ignores {
                if globs.matches(path) {
                    for (m, i) in mask.iter_mut().zip(ignored) {
                        *m &= !i;
                    }
                }
            }
        }
        mask
    }
}

/// A file of the run, with its text when a finding needs it for rendering.
#[derive(Debug)]
pub struct SourceFile {
    pub display: String,
    /// The file's text with every secret value masked, when a finding needs it for rendering.
    pub text: Option<Arc<str>>,
    lines: Option<LineIndex>,
    secrets: Vec<Span>,
    too_large: bool,
    /// The file parsed (its secrets were found by the model).
    parsed: bool,
}

impl SourceFile {
    fn with_text(display: String, text: Arc<str>) -> SourceFile {
        let lines = Some(LineIndex::new(&text));
        SourceFile {
            display,
            text: Some(text),
            lines,
            secrets: Vec::new(),
            too_large: false,
            parsed: true,
        }
    }

    /// Line and column of a byte offset (1:1 when the text is not available).
    pub fn position(&self, offset: u32) -> Position {
        match (&self.text, &self.lines) {
            (Some(text), Some(lines)) => lines.position(text, offset),
            _ => Position { line: 1, column: 1 },
        }
    }
}

impl FileStatus {
    /// Linted, or reported on as a whole: the file counts as linted.
    pub fn linted(&self) -> bool {
        matches!(self, FileStatus::Linted { .. } | FileStatus::Reported(_))
    }
}

/// What happened to each file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileStatus {
    /// Linted: what it held, and how many template placeholders stood where values belong
    /// (read as unknown values; more than zero means the file is a template).
    Linted {
        shapes: Vec<&'static str>,
        placeholders: u32,
    },
    /// Reported on as a whole, with no resource read: does not parse, empty, too large.
    Reported(&'static str),
    /// Read, and not ecslint's business.
    Skipped(String),
    /// Not read: a format ecslint does not read (yet). `counted` when the summary must say
    /// so: the file was named on the command line, or its text declares ECS resources.
    NotRead { format: Foreign, counted: bool },
    /// Could not be read.
    Failed(String),
}

#[derive(Debug)]
pub struct Outcome {
    pub files: Vec<SourceFile>,
    pub statuses: Vec<FileStatus>,
    pub findings: Vec<Finding>,
    /// I/O problems (a file that could not be read): reported on stderr, exit code 2.
    pub errors: Vec<String>,
    /// Findings hidden by a suppression, with the reason.
    pub suppressed: Vec<Suppressed>,
    /// Findings hidden by the baseline, and baseline entries that matched nothing.
    pub baseline_hidden: usize,
    pub baseline_stale: usize,
    /// With a baseline: the findings before it was applied (what `--write-baseline` records).
    /// Empty without one (then `findings` are all of them): see [`Outcome::all_findings`].
    pub before_baseline: Vec<Finding>,
    /// Per file, findings dropped past [`MAX_FINDINGS_PER_FILE`] (display path, count).
    pub not_shown: Vec<(String, usize)>,
}

impl Outcome {
    /// Files not read, counted by kind (only those the summary must mention), in the order
    /// of [`Foreign::ALL`].
    pub fn not_read(&self) -> Vec<(Foreign, usize)> {
        Foreign::ALL
            .iter()
            .map(|kind| {
                let n = self
                    .statuses
                    .iter()
                    .filter(|s| {
                        matches!(s, FileStatus::NotRead { format, counted: true } if format == kind)
                    })
                    .count();
                (*kind, n)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// Every finding, including those the baseline hid.
    pub fn all_findings(&self) -> &[Finding] {
        if self.before_baseline.is_empty() {
            &self.findings
        } else {
            &self.before_baseline
        }
    }
}

struct FileResult {
    text: Option<Arc<str>>,
    status: FileStatus,
    findings: Vec<Finding>,
    facts: Vec<Fact>,
    /// Secret values the model found (masked whenever the text is kept).
    secrets: Vec<Span>,
    comments: Vec<CommentSuppression>,
    /// Over the size limit: never read back for rendering.
    too_large: bool,
    parsed: bool,
    /// Findings past [`MAX_FINDINGS_PER_FILE`], dropped.
    not_shown: usize,
}

/// Lints `inputs` with `plan`.
pub fn run(inputs: &[Input], plan: &Plan) -> Outcome {
    run_with_progress(inputs, plan, &|| {})
}

/// Lints `inputs` with `plan`, calling `tick` after each file (from any thread).
pub fn run_with_progress(inputs: &[Input], plan: &Plan, tick: &(dyn Fn() + Sync)) -> Outcome {
    let scopes: Vec<usize> = inputs.iter().map(|i| plan.scope_of(i)).collect();
    let masks: Vec<Vec<bool>> = inputs
        .iter()
        .zip(&scopes)
        .map(|(i, &k)| plan.mask_for(i, k))
        .collect();
    let results: Vec<FileResult> = inputs
        .par_iter()
        .enumerate()
        .map(|(id, input)| {
            let r = lint_file(id, input, &masks[id], plan.max_file_size);
            tick();
            r
        })
        .collect();

    let mut files = Vec::with_capacity(inputs.len());
    let mut statuses = Vec::with_capacity(inputs.len());
    let mut comments = Vec::with_capacity(inputs.len());
    let mut findings = Vec::new();
    let mut errors = Vec::new();
    let (mut task_defs, mut services) = (Vec::new(), Vec::new());
    let mut not_shown = Vec::new();
    for (input, r) in inputs.iter().zip(results) {
        if r.not_shown > 0 {
            not_shown.push((input.display.clone(), r.not_shown));
        }
        if let FileStatus::Failed(msg) = &r.status {
            errors.push(format!("{}: {msg}", input.display));
        }
        files.push(SourceFile {
            display: input.display.clone(),
            text: r.text,
            lines: None,
            secrets: r.secrets,
            too_large: r.too_large,
            parsed: r.parsed,
        });
        statuses.push(r.status);
        comments.push(r.comments);
        findings.extend(r.findings);
        for fact in r.facts {
            match fact {
                Fact::TaskDef(t) => task_defs.push(t),
                Fact::Service(s) => services.push(s),
            }
        }
    }

    // Cross-file rules, over the linked workspace.
    let ws = Workspace::new(task_defs, services);
    let mut cross = Vec::new();
    for (i, rule) in RULES.iter().enumerate() {
        if let Check::Workspace(f) = rule.check {
            if (0..=plan.scopes.len()).any(|k| plan.settings(k).enabled[i]) {
                let mut sink = Sink {
                    rule,
                    file: 0,
                    resource: None,
                    out: &mut cross,
                };
                f(&ws, &mut sink);
            }
        }
    }
    cross.retain(|f| rule_index(f.rule).is_some_and(|i| masks[f.file][i]));
    findings.extend(cross);

    // Only the files asked about are reported on (`--changed-since`), and what a change to
    // them breaks elsewhere: a finding in an unchanged service that follows a link into a
    // changed task definition (a renamed container, a removed port) is reported too.
    let reported: Vec<bool> = inputs.iter().map(|i| plan.reported(i)).collect();
    findings.retain(|f| {
        f.files()
            .any(|id| reported.get(id).copied().unwrap_or(false))
    });
    ensure_text(&mut files, inputs, &findings);

    // Suppressions: config entries and YAML comments; unused, expired and invalid ones become
    // findings themselves. Each configuration's entries apply to the files of its scope.
    let configs: Vec<suppress::ConfigView<'_>> = (0..=plan.scopes.len())
        .map(|k| {
            let settings = plan.settings(k);
            suppress::ConfigView {
                display: settings
                    .config_file
                    .map_or(".ecslint.toml", |(d, _)| d.as_str()),
                entries: settings.suppressions,
                enabled: settings.enabled,
            }
        })
        .collect();
    let views: Vec<FileView<'_>> = inputs
        .iter()
        .enumerate()
        .map(|(id, input)| FileView {
            display: &input.display,
            path: input.path.as_deref(),
            comments: &comments[id],
            mask: &masks[id],
            judged: reported[id] && statuses[id].linted(),
            scope: scopes[id],
        })
        .collect();
    let line_of = |f: &Finding| files[f.file].position(f.span.start).line;
    let applied = suppress::apply(
        &mut findings,
        &views,
        &line_of,
        &configs,
        plan.only_files.is_none(),
        plan.today,
    );
    // The file id of each configuration file that a finding points into, added on demand.
    let mut config_ids: Vec<Option<FileId>> = vec![None; configs.len()];
    for (rule, at, span, message, help) in applied.meta {
        let Some(i) = rule_index(rule) else { continue };
        let file = match at {
            suppress::At::File(id) if masks[id][i] => id,
            suppress::At::File(_) => continue,
            suppress::At::Config(k) if plan.settings(k).enabled[i] => {
                match (config_ids[k], plan.settings(k).config_file) {
                    (Some(id), _) => id,
                    (None, Some((display, text))) => {
                        files.push(SourceFile::with_text(display.clone(), text.clone()));
                        config_ids[k] = Some(files.len() - 1);
                        files.len() - 1
                    }
                    (None, None) => continue,
                }
            }
            suppress::At::Config(_) => continue,
        };
        let mut sink = Sink {
            rule,
            file,
            resource: None,
            out: &mut findings,
        };
        sink.report(span, "", message).help(help);
    }
    ensure_text(&mut files, inputs, &findings);

    // Severities as configured for the file's scope (a configuration file's own findings
    // take its scope's).
    let scope_of_file = |id: FileId| -> usize {
        scopes
            .get(id)
            .copied()
            .unwrap_or_else(|| config_ids.iter().position(|c| *c == Some(id)).unwrap_or(0))
    };
    for f in &mut findings {
        if let Some(i) = rule_index(f.rule) {
            f.severity = plan.settings(scope_of_file(f.file)).severity[i];
        }
    }
    let mut suppressed = applied.suppressed;
    for s in &mut suppressed {
        if let Some(i) = rule_index(s.finding.rule) {
            s.finding.severity = plan.settings(scope_of_file(s.finding.file)).severity[i];
        }
    }

    let by_position = |a: &Finding, b: &Finding| {
        (
            files[a.file].display.as_str(),
            a.span,
            a.rule.code,
            &a.message,
        )
            .cmp(&(
                files[b.file].display.as_str(),
                b.span,
                b.rule.code,
                &b.message,
            ))
    };
    findings.sort_by(by_position);
    suppressed.sort_by(|a, b| by_position(&a.finding, &b.finding));
    let before_baseline = if plan.baseline.is_some() {
        findings.clone()
    } else {
        Vec::new()
    };
    let (baseline_hidden, baseline_stale) = match &plan.baseline {
        Some(b) => b.apply(&mut findings, &files),
        None => (0, 0),
    };
    Outcome {
        files,
        statuses,
        findings,
        errors,
        suppressed,
        baseline_hidden,
        baseline_stale,
        before_baseline,
        not_shown,
    }
}

/// Files a finding points into must have their text for rendering. A file whose text was
/// dropped after a clean per-file pass (it is only the target of a cross-file finding, or holds
/// an unused suppression) is read once more here: the cold path, for the few files with
/// findings. Secrets are masked again.
fn ensure_text(files: &mut [SourceFile], inputs: &[Input], findings: &[Finding]) {
    let mut needed: Vec<FileId> = findings
        .iter()
        .flat_map(|f| std::iter::once(f.file).chain(f.labels.iter().map(|l| l.file)))
        .filter(|&id| id < inputs.len() && files[id].lines.is_none() && !files[id].too_large)
        .collect();
    needed.sort_unstable();
    needed.dedup();
    let loaded: Vec<(FileId, Option<Arc<str>>, Option<LineIndex>)> = needed
        .par_iter()
        .map(|&id| {
            // Standard input is never read back from a path (the name given is only a label).
            let text = files[id].text.clone().or_else(|| {
                let raw = match &inputs[id].stdin {
                    Some(text) => Some(text.clone()),
                    None => inputs[id]
                        .path
                        .as_ref()
                        .and_then(|p| std::fs::read_to_string(p).ok()),
                };
                raw.map(|t| masked(&t, &files[id].secrets, files[id].parsed))
            });
            let lines = text.as_deref().map(LineIndex::new);
            (id, text, lines)
        })
        .collect();
    for (id, text, lines) in loaded {
        files[id].text = text;
        files[id].lines = lines;
    }
}

fn rule_index(rule: &Rule) -> Option<usize> {
    suppress::rule_index(rule)
}

/// Why a file's text could not be had.
enum Unread {
    /// Over the size limit: its size, and the text of its first 64 KiB (to tell whether it
    /// looks like ECS configuration).
    TooBig(u64, String),
    /// Not UTF-8: the text with invalid bytes replaced, and where the first one is.
    NotUtf8(String, usize),
    Io(String),
}

fn read(input: &Input, limit: u64) -> Result<String, Unread> {
    if let Some(text) = &input.stdin {
        if text.len() as u64 > limit {
            return Err(Unread::TooBig(text.len() as u64, head(text.as_bytes())));
        }
        return Ok(text.clone());
    }
    let Some(path) = &input.path else {
        return Err(Unread::Io("no path".into()));
    };
    // One open; the size comes from the handle. At most `limit + 1` bytes are read, so a file
    // that grows meanwhile (or a device that never ends) cannot exhaust memory.
    let io = |e: std::io::Error| Unread::Io(e.to_string());
    let file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    let mut bytes = Vec::with_capacity(usize::try_from(len.min(limit)).unwrap_or(0) + 1);
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, limit.saturating_add(1)),
        &mut bytes,
    )
    .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(Unread::TooBig(len.max(bytes.len() as u64), head(&bytes)));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Unread::NotUtf8(String::from_utf8_lossy(e.as_bytes()).into_owned(), at)
    })
}

fn head(bytes: &[u8]) -> String {
    String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]).into_owned()
}

/// Whether a file that does not parse is worth a finding: named on the command line with a
/// JSON or YAML name (or read from standard input), matched by an include glob, or naming
/// ECS keys. A README named by a shell glob, or a `tsconfig.json` with comments found while
/// walking, is not ecslint's business.
fn report_unparseable(input: &Input, text: &str) -> bool {
    let lower = input.display.to_ascii_lowercase();
    let config_name = [".json", ".yaml", ".yml"]
        .iter()
        .any(|e| lower.ends_with(e));
    (input.explicit && (config_name || input.stdin.is_some()))
        || input.claimed
        || model::looks_like_ecs(text)
}

fn empty_result(status: FileStatus) -> FileResult {
    FileResult {
        text: None,
        status,
        findings: Vec::new(),
        facts: Vec::new(),
        secrets: Vec::new(),
        comments: Vec::new(),
        too_large: false,
        parsed: false,
        not_shown: 0,
    }
}

fn lint_file(id: FileId, input: &Input, mask: &[bool], limit: u64) -> FileResult {
    let mut findings = Vec::new();
    let report = |rule: &'static Rule,
                  findings: &mut Vec<Finding>,
                  span: Span,
                  message: String,
                  help: &str| {
        if rule_index(rule).is_some_and(|i| mask[i]) {
            let mut sink = Sink {
                rule,
                file: id,
                resource: None,
                out: findings,
            };
            sink.report(span, "", message).help(help);
        }
    };
    let (text, not_utf8) = match read(input, limit) {
        Ok(t) => (t, None),
        Err(Unread::Io(msg)) => return empty_result(FileStatus::Failed(msg)),
        Err(Unread::TooBig(len, head)) => {
            let message = format!(
                "the file is larger than the size limit ({len} bytes; the limit is {limit})"
            );
            if !(input.explicit || input.claimed || model::looks_like_ecs(&head)) {
                return empty_result(FileStatus::Skipped(message));
            }
            report(
                &crate::checks::file_too_large::RULE,
                &mut findings,
                Span::new(0, 0),
                message,
                "split the file, or raise `max-file-size` in .ecslint.toml (or --max-file-size)",
            );
            let mut r = empty_result(FileStatus::Reported("over the size limit"));
            r.too_large = true;
            r.findings = findings;
            return r;
        }
        Err(Unread::NotUtf8(lossy, at)) => (lossy, Some(at)),
    };
    // Nothing but whitespace (or a byte-order mark): nothing to lint, and worth saying only
    // about a file the user named.
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if not_utf8.is_none() && body.trim().is_empty() {
        if !(input.explicit || input.claimed) {
            return empty_result(FileStatus::Skipped("empty file".to_string()));
        }
        let what = if text.is_empty() {
            "the file is empty"
        } else if body.is_empty() {
            "the file holds only a byte-order mark"
        } else {
            "the file holds only whitespace"
        };
        report(
            &crate::checks::empty_file::RULE,
            &mut findings,
            Span::new(0, 0),
            what.to_string(),
            "remove the file, or write the configuration it should hold",
        );
        let mut r = empty_result(FileStatus::Reported("empty"));
        r.text = (!findings.is_empty()).then(|| Arc::from(text.as_str()));
        r.findings = findings;
        return r;
    }
    let sniff = input.claimed || input.stdin.is_some();
    let syntax = match classify::classify(&input.display, &text, sniff) {
        Source::Parse(syntax) => syntax,
        Source::NotRead(format) => {
            let counted = input.explicit || format.holds_ecs(&text);
            return empty_result(FileStatus::NotRead { format, counted });
        }
    };
    let mut facts = Vec::new();
    let mut secrets = Vec::new();
    let nul = text.find('\0');
    let parsed = match (not_utf8, nul) {
        (_, Some(at)) if not_utf8.is_none_or(|bad| at < bad) => Err(load::LoadError {
            span: Span::new(at, at + 1),
            message: format!("the file is binary (a NUL byte at offset {at}), not text"),
        }),
        (Some(at), _) => Err(load::LoadError {
            span: Span::new(at, at + '\u{fffd}'.len_utf8()),
            message: format!("the file is not UTF-8 text (invalid byte at offset {at})"),
        }),
        _ => load::parse_file(&text, syntax),
    };
    let parsed_ok = parsed.is_ok();
    let status = match parsed {
        Err(err) => {
            if report_unparseable(input, &text) {
                let rule: &'static Rule = match syntax {
                    Syntax::Json => &crate::checks::invalid_json::RULE,
                    Syntax::Yaml => &crate::checks::invalid_yaml::RULE,
                };
                if rule_index(rule).is_some_and(|i| mask[i]) {
                    let what = if syntax == Syntax::Json {
                        "JSON"
                    } else {
                        "YAML"
                    };
                    let mut sink = Sink {
                        rule,
                        file: id,
                        resource: None,
                        out: &mut findings,
                    };
                    match placeholder_at(&text, err.span) {
                        Some(token) => {
                            sink.report(token, "", format!("invalid {what}: unquoted template placeholder `{}`", &text[token.range()]))
                                .help(format!("lint the rendered file, or quote the placeholder so the file is valid {what}"));
                        }
                        None => {
                            let help = match syntax {
                                Syntax::Json => {
                                    "fix the syntax; ECS and the AWS CLI accept only strict JSON"
                                }
                                Syntax::Yaml => {
                                    "fix the syntax; a file that does not parse cannot be checked"
                                }
                            };
                            sink.report(
                                visible(err.span, &text),
                                "",
                                format!("invalid {what}: {}", err.message),
                            )
                            .help(help);
                        }
                    }
                }
                FileStatus::Reported("does not parse")
            } else {
                FileStatus::Skipped(format!(
                    "does not parse as {syntax:?} and does not look like ECS configuration"
                ))
            }
        }
        Ok(load::Parsed { docs, placeholders }) => {
            let mut shapes = Vec::new();
            let mut skipped = None;
            let mut not_read = None;
            for doc in &docs {
                match model::recognise(doc, &text) {
                    Recognised::Skipped(why) => skipped = Some(why),
                    Recognised::NotRead(format) => not_read = Some(format),
                    Recognised::Resources(resources) => {
                        secrets.extend(crate::secrets::spans(&resources));
                        for resource in &resources {
                            shapes.push(resource.describe());
                            let first = findings.len();
                            run_checks(id, resource, mask, &mut findings);
                            for f in &mut findings[first..] {
                                f.stable = stable_path(doc, &f.pointer);
                            }
                            if let Some(f) = link::facts(id, resource, doc) {
                                facts.push(f);
                            }
                        }
                    }
                }
            }
            match (shapes.is_empty(), not_read) {
                (true, Some(format)) => FileStatus::NotRead {
                    format,
                    counted: input.explicit || format.holds_ecs(&text),
                },
                (true, None) => FileStatus::Skipped(skipped.unwrap_or("empty file").to_string()),
                (false, _) => FileStatus::Linted {
                    shapes,
                    placeholders,
                },
            }
        }
    };
    // A hostile file can produce findings by the hundred thousand; past a point they say
    // nothing new and only cost memory and output.
    let not_shown = findings.len().saturating_sub(MAX_FINDINGS_PER_FILE);
    findings.truncate(MAX_FINDINGS_PER_FILE);
    // What a file leaves behind lives until the end of the run, for every file: no spare
    // capacity (a `Vec` that grew by pushing holds room for four).
    findings.shrink_to_fit();
    facts.shrink_to_fit();
    secrets.shrink_to_fit();
    let status = match status {
        FileStatus::Linted {
            mut shapes,
            placeholders,
        } => {
            shapes.shrink_to_fit();
            FileStatus::Linted {
                shapes,
                placeholders,
            }
        }
        other => other,
    };
    let comments = if syntax == Syntax::Yaml {
        suppress::comments(&text)
    } else {
        Vec::new()
    };
    let keep = !findings.is_empty();
    FileResult {
        text: keep.then(|| masked(&text, &secrets, parsed_ok)),
        status,
        findings,
        facts,
        secrets,
        comments,
        too_large: false,
        parsed: parsed_ok,
        not_shown,
    }
}

fn run_checks(id: FileId, resource: &Resource<'_>, mask: &[bool], out: &mut Vec<Finding>) {
    let name = match resource {
        Resource::TaskDef(td) => td.family.known(),
        Resource::Service(s) => s.name.known(),
    };
    for (i, rule) in RULES.iter().enumerate() {
        if !mask[i] {
            continue;
        }
        let mut sink = Sink {
            rule,
            file: id,
            resource: name,
            out,
        };
        match (&rule.check, resource) {
            (Check::TaskDef(f), Resource::TaskDef(td)) => f(td, &mut sink),
            (Check::Service(f), Resource::Service(s)) => f(s, &mut sink),
            _ => {}
        }
    }
}

/// The text to keep for rendering: every secret value masked, those the model found
/// (`secrets`) and those a scan of the raw text finds (which covers files that do not parse).
/// For a file that parsed, the model found its environment values, and only key patterns
/// are scanned for in the raw text; for one that did not, name/value pairs are scanned too.
fn masked(text: &str, secrets: &[Span], parsed: bool) -> Arc<str> {
    let mut spans = crate::secrets::raw_spans(text, !parsed);
    spans.extend_from_slice(secrets);
    Arc::from(crate::secrets::mask(text, &spans))
}

/// The template placeholder (`$$$$CPU$$$$`, `<PORT>`, `{{ x }}`, `${X}`) a parse error stopped at,
/// if that is what it stopped at.
fn placeholder_at(text: &str, span: Span) -> Option<Span> {
    let start = span.start as usize;
    // `{{ x }}` unquoted: the parser stops at the second brace.
    if start > 0 && text.get(start - 1..start + 1) == Some("{{") {
        return placeholder_at(text, Span::new(start - 1, start));
    }
    let rest = text.get(start..)?;
    let len = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '"' | '[' | ']'))
        .unwrap_or(rest.len());
    let mut token = &rest[..len];
    // `{{ x }}` contains spaces: take it to its closing braces.
    if token.starts_with("{{") {
        token = rest.find("}}").map_or(token, |end| &rest[..end + 2]);
    }
    (!token.is_empty() && model::value::is_placeholder(token))
        .then(|| Span::new(start, start + token.len()))
}

/// A parse error at the very end of a file (an empty span) is widened to the last character,
/// so there is something to draw a caret under.
fn visible(span: Span, text: &str) -> Span {
    if span.start < span.end {
        return span;
    }
    let mut at = (span.start as usize).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    if let Some(c) = text[at..].chars().next().filter(|c| *c != '\n') {
        return Span::new(at, at + c.len_utf8());
    }
    match text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_whitespace())
    {
        Some((i, c)) => Span::new(i, i + c.len_utf8()),
        None => span,
    }
}
