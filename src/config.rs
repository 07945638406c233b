//! `.ecslint.toml`: which rules run, at what severity, on which files.
//!
//! The [`Config`] type is the schema: `schemas/ecslint.schema.json` is generated from it (a test
//! fails when the file is stale), and unknown keys are an error naming the key, file and line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;

use crate::rule::{Category, Profile, Registry, Rule, Severity};

/// The name ecslint looks for in the current directory and its parents.
pub const FILE_NAME: &str = ".ecslint.toml";

/// ecslint configuration (`.ecslint.toml`).
///
/// Rule selectors name rules by code (`ECS201`), code prefix (`ECS2`), name
/// (`host-port-mismatch`), category (`deploy-error`, `wiring`, `security`, `best-practice`,
/// `policy`) or `ALL`. When several selectors match a rule, the most specific wins: a code or
/// name beats a prefix, a longer prefix beats a shorter one, a prefix beats a category, a
/// category beats `ALL`; on a tie between `select` and `ignore`, `ignore` wins.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// The set of rules that runs when `select` does not say: `deploy` (what ECS or a
    /// deployment would refuse, and broken wiring), `recommended` (the default: adds the
    /// security and best-practice rules right for nearly everyone), `security` (adds the
    /// hardening controls reviewers map to, such as Security Hub's) or `all` (adds opt-in
    /// opinions). `--profile` overrides it.
    pub profile: Option<Profile>,
    /// Rules to run. Replaces the profile's set.
    pub select: Option<Vec<String>>,
    /// Rules to run in addition to `select` (or to the default set).
    #[serde(default)]
    pub extend_select: Vec<String>,
    /// Rules not to run.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity overrides: selector → `error`, `warning` or `info`. The most specific selector wins.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Globs of files to lint when walking directories, relative to this file's directory
    /// (`*` also matches `/`). Replaces the default `*.json`, `*.yaml`, `*.yml`. A file matched
    /// here that does not parse is always reported.
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files and directories to skip when walking, relative to this file's directory.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Glob → rule selectors not to run on the files that match it.
    #[serde(default)]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
    /// The lowest severity that makes ecslint exit with code 1 (default `error`); `never`
    /// reports findings without failing.
    pub fail_on: Option<FailOn>,
    /// Files larger than this many bytes are not read (default 10485760, 10 MiB).
    pub max_file_size: Option<u64>,
    /// Accountable suppressions: each names a rule and a path glob, says why, and may expire.
    #[serde(default)]
    pub suppress: Vec<SuppressEntry>,
    /// Options of individual rules, by code or name: `[rules.reserved-host-port]` then
    /// `reserved-ports = [8125]`. Each rule's options are listed in its documentation.
    #[serde(default)]
    #[schemars(schema_with = "rule_options_schema")]
    pub rules: BTreeMap<String, toml::Table>,
}

/// The schema of `[rules]`: every rule with options, by code and by name, with its options'
/// own schema (the types and documentation of its parameters).
fn rule_options_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let mut properties = serde_json::Map::new();
    for rule in Registry::builtin().iter() {
        if let Some(spec) = rule.options {
            let mut schema = (spec.schema)();
            if let Some(o) = schema.as_object_mut() {
                o.remove("$schema");
                o.insert(
                    "description".into(),
                    format!("Options of {} {}.", rule.code, rule.name).into(),
                );
            }
            properties.insert(rule.code.to_string(), schema.clone());
            properties.insert(rule.name.to_string(), schema);
        }
    }
    let schema = serde_json::json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    schemars::Schema::try_from(schema).unwrap_or_default()
}

/// When findings make the exit code 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    /// Report, never fail (`--exit-zero`).
    Never,
}

impl FailOn {
    /// Whether a finding of this severity makes the run fail.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }
}

/// One `[[suppress]]` entry.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SuppressEntry {
    /// The rule (code, name, prefix or category) to suppress.
    pub rule: String,
    /// Glob of the files it applies to, relative to the config file's directory.
    pub path: String,
    /// Only findings about this resource (task family or service name).
    pub resource: Option<String>,
    /// Only the finding at this JSON pointer (as in `--format json`), or at this stable path.
    pub pointer: Option<String>,
    /// Why this is acceptable. Required.
    pub reason: String,
    /// `YYYY-MM-DD`: after this date the entry stops suppressing and is reported.
    pub expires: Option<String>,
}

/// A configuration with the directory its globs are relative to, and its text.
#[derive(Debug, Default)]
pub struct LoadedConfig {
    pub config: Config,
    pub path: Option<PathBuf>,
    pub base: PathBuf,
    pub text: String,
}

/// Finds `.ecslint.toml` in `start` or its parents.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Reads and parses a config file; errors name the file, line and column.
pub fn load(path: &Path) -> Result<LoadedConfig, String> {
    // Globs in the file are relative to its directory, which must be absolute to match paths.
    let path = &crate::discover::absolute(path);
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let config =
        parse(&text).map_err(|e| format!("invalid configuration in {}: {e}", path.display()))?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(LoadedConfig {
        config,
        path: Some(path.to_path_buf()),
        base,
        text,
    })
}

pub fn parse(text: &str) -> Result<Config, String> {
    let config: Config = toml::from_str(text).map_err(|e| e.to_string().trim_end().to_string())?;
    for (i, e) in config.suppress.iter().enumerate() {
        let n = i + 1;
        if e.reason.trim().is_empty() {
            return Err(format!(
                "[[suppress]] entry {n}: `reason` must say why the finding is acceptable"
            ));
        }
        if let Some(date) = &e.expires {
            if crate::suppress::Date::parse(date).is_none() {
                return Err(format!("[[suppress]] entry {n}: `expires` must be a date like 2026-12-31, not `{date}`"));
            }
        }
    }
    Ok(config)
}

/// Checks every rule selector of `config` against the rules of the run (built-in and
/// registered), so a typo is an error naming it before any file is read.
pub fn validate(config: &Config, registry: &Registry) -> Result<(), String> {
    for s in config
        .select
        .iter()
        .flatten()
        .chain(&config.extend_select)
        .chain(&config.ignore)
        .chain(config.severity.keys())
        .chain(config.per_file_ignores.values().flatten())
    {
        Selector::parse(s, registry)?;
    }
    for (i, e) in config.suppress.iter().enumerate() {
        Selector::parse(&e.rule, registry)
            .map_err(|err| format!("[[suppress]] entry {}: {err}", i + 1))?;
    }
    rule_options(&config.rules, registry)?;
    Ok(())
}

/// The line of the `[rules.…]` table an error starts by naming, in the configuration's text.
fn table_line(text: &str, error: &str) -> Option<usize> {
    let header = error.get(..=error.find(']')?)?;
    if !header.starts_with("[rules.") {
        return None;
    }
    text.lines()
        .position(|l| l.trim_start().starts_with(header))
        .map(|i| i + 1)
}

/// Each rule's options: the defaults, and what `[rules.<rule>]` tables set (checked against
/// the rule's options type: a key it does not have, or a value of the wrong type, is an error
/// naming the rule).
pub fn rule_options(
    tables: &BTreeMap<String, toml::Table>,
    registry: &Registry,
) -> Result<Vec<Option<crate::rule::Options>>, String> {
    let mut options = crate::engine::default_options(registry);
    let mut set_by: Vec<Option<&str>> = vec![None; registry.len()];
    for (key, table) in tables {
        let Some(rule) = registry.find(key) else {
            let hint = did_you_mean(key, false, registry)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            return Err(format!("[rules.{key}]: no rule is called `{key}`{hint}"));
        };
        let Some(spec) = rule.options else {
            return Err(format!(
                "[rules.{key}]: rule {} {} has no options",
                rule.code, rule.name
            ));
        };
        if let Some(other) = set_by[rule.index()].replace(key) {
            return Err(format!(
                "[rules.{other}] and [rules.{key}] both set the options of {} {}; keep one",
                rule.code, rule.name
            ));
        }
        let parsed =
            (spec.parse)(table.clone()).map_err(|e| format!("[rules.{key}]: {}", e.trim_end()))?;
        options[rule.index()] = Some(parsed);
    }
    Ok(options)
}

/// The `[[suppress]]` entries compiled, each with where it is in the config text.
pub fn suppressions(
    loaded: &LoadedConfig,
    text: &str,
    registry: &Registry,
) -> Result<Vec<crate::suppress::ConfigSuppression>, String> {
    let headers: Vec<(usize, usize)> = text
        .match_indices("[[suppress]]")
        .filter(|(at, _)| {
            text[..*at]
                .rsplit('\n')
                .next()
                .is_some_and(|before| before.trim().is_empty())
        })
        .map(|(at, m)| (at, at + m.len()))
        .collect();
    let index = crate::span::LineIndex::new(text);
    loaded
        .config
        .suppress
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let (start, end) = if headers.len() == loaded.config.suppress.len() {
                headers[i]
            } else {
                (0, 0)
            };
            let span = crate::span::Span::new(start, end);
            Ok(crate::suppress::ConfigSuppression {
                rules: ignored_rules(std::slice::from_ref(&e.rule), registry)?,
                rule: e.rule.clone(),
                path: crate::discover::GlobList::new(std::slice::from_ref(&e.path), &loaded.base)?,
                resource: e.resource.clone(),
                pointer: e.pointer.clone(),
                reason: e.reason.clone(),
                expires: e.expires.as_deref().and_then(crate::suppress::Date::parse),
                span,
                line: index.position(text, span.start).line,
            })
        })
        .collect()
}

/// The rule selection given on the command line, which applies over every configuration:
/// `select` replaces the configured `select`, `ignore` adds to the configured `ignore`, and
/// `profile` replaces the configured `profile`.
#[derive(Clone, Copy, Debug, Default)]
pub struct RuleFlags<'a> {
    pub select: Option<&'a [String]>,
    pub ignore: &'a [String],
    pub profile: Option<Profile>,
}

/// Sets `plan` up as a configuration asks: its rule settings apply to the files with no
/// configuration of their own, and its run-wide settings (`max-file-size`) to the run.
pub fn apply(
    plan: &mut crate::engine::Plan,
    loaded: &LoadedConfig,
    flags: RuleFlags<'_>,
    cwd: &Path,
) -> Result<(), String> {
    let scope = scope(loaded, flags, cwd, &plan.registry)?;
    plan.rules = scope.rules;
    plan.base = loaded.path.as_ref().map(|_| scope.base);
    if let Some(size) = loaded.config.max_file_size {
        plan.max_file_size = checked_size(size)?;
    }
    Ok(())
}

/// The rule settings a configuration file asks for (what applies to the files under it), with
/// the command line's rule flags over it.
pub fn scope(
    loaded: &LoadedConfig,
    flags: RuleFlags<'_>,
    cwd: &Path,
    registry: &Registry,
) -> Result<crate::engine::Scope, String> {
    let c = &loaded.config;
    validate(c, registry).map_err(|e| {
        let line = table_line(&loaded.text, &e).map_or(String::new(), |n| format!(", line {n}"));
        match &loaded.path {
            Some(path) => format!("invalid configuration in {}{line}: {e}", path.display()),
            None => e,
        }
    })?;
    let select = flags.select.or(c.select.as_deref());
    let profile = flags.profile.or(c.profile).unwrap_or_default();
    let mut ignored = c.ignore.clone();
    ignored.extend(flags.ignore.iter().cloned());
    let per_file_ignores = c
        .per_file_ignores
        .iter()
        .map(|(glob, rules)| {
            Ok((
                crate::discover::GlobList::new(std::slice::from_ref(glob), &loaded.base)?,
                ignored_rules(rules, registry)?,
            ))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let config_file = loaded.path.as_ref().map(|path| {
        let display = path
            .strip_prefix(cwd)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned();
        (display, std::sync::Arc::from(loaded.text.as_str()))
    });
    Ok(crate::engine::Scope {
        base: loaded.base.clone(),
        rules: crate::engine::RuleSettings {
            enabled: enabled_rules(select, &c.extend_select, &ignored, profile, registry)?,
            severity: severities(&c.severity, registry)?,
            per_file_ignores,
            options: rule_options(&c.rules, registry)?,
            suppressions: suppressions(loaded, &loaded.text, registry)?,
            config_file,
        },
        exclude: crate::discover::GlobList::new(&c.exclude, &loaded.base)?,
    })
}

/// The configuration file nearest above `file` (in its directory or a parent), with a cache
/// of what each directory resolved to.
pub fn nearest(
    file: &Path,
    cache: &mut std::collections::HashMap<PathBuf, Option<PathBuf>>,
) -> Option<PathBuf> {
    // One lookup per directory, not per file: a run over 100,000 files in 1,000 directories
    // asks the file system about 1,000 directories (and their parents) once each.
    let dir = file.parent()?;
    if let Some(hit) = cache.get(dir) {
        return hit.clone();
    }
    let mut walked = Vec::new();
    let mut found = None;
    for d in dir.ancestors() {
        if let Some(hit) = cache.get(d) {
            found = hit.clone();
            break;
        }
        walked.push(d.to_path_buf());
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            found = Some(candidate);
            break;
        }
    }
    for d in walked {
        cache.insert(d, found.clone());
    }
    found
}

/// A `max-file-size` within what spans can address.
pub fn checked_size(size: u64) -> Result<u64, String> {
    let ceiling = crate::engine::MAX_FILE_SIZE_CEILING;
    if size > ceiling {
        return Err(format!(
            "`max-file-size` {size} is more than the {ceiling} bytes ecslint can address"
        ));
    }
    Ok(size)
}

/// The JSON Schema of the configuration file, as committed in `schemas/ecslint.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Config);
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}

/// One way of naming a set of rules.
#[derive(Clone, Debug)]
pub enum Selector {
    All,
    /// What runs when nothing is selected: the rules of the profile in effect (`recommended`
    /// unless `profile` or `--profile` says otherwise). As general as `ALL`, so
    /// `ignore = ["ALL"]` switches everything off.
    Default(Profile),
    Category(Category),
    Prefix(String),
    /// A rule, by code.
    Rule(String),
}

impl Selector {
    /// Reads a selector naming rules of `registry`.
    pub fn parse(s: &str, registry: &Registry) -> Result<Selector, String> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("ALL") {
            return Ok(Selector::All);
        }
        if let Some(rule) = registry.find(t) {
            return Ok(Selector::Rule(rule.code.to_string()));
        }
        if let Some(c) = Category::ALL
            .iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(t))
        {
            return Ok(Selector::Category(*c));
        }
        let upper = t.to_ascii_uppercase();
        if upper.starts_with("ECS") && registry.iter().any(|r| r.code.starts_with(&upper)) {
            return Ok(Selector::Prefix(upper));
        }
        Err(unknown_selector(t, registry))
    }

    fn matches(&self, rule: &Rule) -> bool {
        match self {
            Selector::All => true,
            Selector::Default(profile) => rule.in_profile(*profile),
            Selector::Category(c) => rule.category == *c,
            Selector::Prefix(p) => rule.code.starts_with(p.as_str()),
            Selector::Rule(code) => rule.code == code.as_str(),
        }
    }

    /// Higher is more specific.
    fn specificity(&self) -> usize {
        match self {
            Selector::All | Selector::Default(_) => 0,
            Selector::Category(_) => 1,
            Selector::Prefix(p) => 2 + p.len(),
            Selector::Rule(_) => 1000,
        }
    }
}

fn unknown_selector(s: &str, registry: &Registry) -> String {
    let upper = s.trim().to_ascii_uppercase();
    // `ECS9`, `ECS5`: a code prefix no rule has. A prefix is not a misspelt code: say what
    // the prefixes are rather than suggest a rule that happens to share characters.
    if upper.len() < 6 && upper.starts_with("ECS") && upper[3..].bytes().all(|b| b.is_ascii_digit())
    {
        let mut prefixes: Vec<&str> = registry
            .iter()
            .filter_map(|r| r.code.get(..4))
            .filter(|p| p.starts_with("ECS"))
            .collect();
        prefixes.sort_unstable();
        prefixes.dedup();
        return format!(
            "rule selector `{s}` matches no rule: codes start with {}",
            prefixes.join(", ")
        );
    }
    match did_you_mean(s, true, registry) {
        Some(c) => format!("unknown rule selector `{s}` (did you mean `{c}`?)"),
        None => format!(
            "unknown rule selector `{s}`: use a rule code, code prefix, rule name, category or ALL"
        ),
    }
}

/// The rule code or name (and, with `categories`, the category) closest to `s`, when one is
/// close enough to be what was meant.
pub fn did_you_mean(s: &str, categories: bool, registry: &Registry) -> Option<String> {
    // A code is compared by edits (`ECS2O1` is one away from `ECS201`, two from `ECS212`).
    if s.len() >= 6 && s.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("ECS")) {
        return registry
            .iter()
            .map(|r| {
                (
                    strsim::damerau_levenshtein(&s.to_ascii_uppercase(), &r.code),
                    r,
                )
            })
            .filter(|(d, _)| *d <= 1)
            .min_by_key(|(d, _)| *d)
            .map(|(_, r)| r.code.to_string());
    }
    let mut candidates: Vec<&str> = registry
        .iter()
        .flat_map(|r| [r.code.as_ref(), r.name.as_ref()])
        .collect();
    if categories {
        candidates.extend(Category::ALL.iter().map(|c| c.as_str()));
    }
    candidates
        .iter()
        .map(|c| {
            (
                strsim::jaro_winkler(&c.to_ascii_lowercase(), &s.to_ascii_lowercase()),
                *c,
            )
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_string())
}

fn parse_all(list: &[String], registry: &Registry) -> Result<Vec<Selector>, String> {
    list.iter().map(|s| Selector::parse(s, registry)).collect()
}

fn best(selectors: &[Selector], rule: &Rule) -> Option<usize> {
    selectors
        .iter()
        .filter(|s| s.matches(rule))
        .map(Selector::specificity)
        .max()
}

/// Which rules are enabled, given select, extend-select, ignore and the profile (what runs
/// when nothing is selected). Indexed like `registry`.
pub fn enabled_rules(
    select: Option<&[String]>,
    extend: &[String],
    ignore: &[String],
    profile: Profile,
    registry: &Registry,
) -> Result<Vec<bool>, String> {
    let mut selected = match select {
        Some(list) => parse_all(list, registry)?,
        None => vec![Selector::Default(profile)],
    };
    selected.extend(parse_all(extend, registry)?);
    let ignored = parse_all(ignore, registry)?;
    Ok(registry
        .iter()
        .map(|rule| match (best(&selected, rule), best(&ignored, rule)) {
            (Some(s), Some(i)) => s > i,
            (Some(_), None) => true,
            (None, _) => false,
        })
        .collect())
}

/// Rules switched off by a list of selectors (for per-file ignores). Indexed like `registry`.
pub fn ignored_rules(list: &[String], registry: &Registry) -> Result<Vec<bool>, String> {
    let selectors = parse_all(list, registry)?;
    Ok(registry
        .iter()
        .map(|r| best(&selectors, r).is_some())
        .collect())
}

/// The effective severity of every rule. Indexed like `registry`.
pub fn severities(
    overrides: &BTreeMap<String, Severity>,
    registry: &Registry,
) -> Result<Vec<Severity>, String> {
    let parsed: Vec<(Selector, Severity)> = overrides
        .iter()
        .map(|(k, v)| Selector::parse(k, registry).map(|s| (s, *v)))
        .collect::<Result<_, _>>()?;
    Ok(registry
        .iter()
        .map(|rule| {
            parsed
                .iter()
                .filter(|(s, _)| s.matches(rule))
                .max_by_key(|(s, _)| s.specificity())
                .map_or(rule.severity, |(_, sev)| *sev)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(mask: &[bool], code: &str) -> bool {
        let i = Registry::builtin()
            .find(code)
            .map(|r| r.index())
            .expect("rule exists");
        mask[i]
    }

    fn enabled(select: Option<&[String]>, ignore: &[String]) -> Vec<bool> {
        enabled_rules(
            select,
            &[],
            ignore,
            Profile::default(),
            &Registry::builtin(),
        )
        .expect("valid")
    }

    #[test]
    fn more_specific_selector_wins_and_ignore_wins_ties() {
        let m = enabled(Some(&["ECS2".into()]), &["ECS201".into()]);
        assert!(!on(&m, "ECS201"));
        assert!(on(&m, "ECS202"));
        assert!(!on(&m, "ECS101"));
        // code select beats prefix ignore
        let m = enabled(Some(&["host-port-mismatch".into()]), &["ECS2".into()]);
        assert!(on(&m, "ECS201"));
        assert!(!on(&m, "ECS202"));
        // same specificity: ignore wins
        let m = enabled(Some(&["ECS201".into()]), &["host-port-mismatch".into()]);
        assert!(!on(&m, "ECS201"));
        // category vs ALL
        let m = enabled(Some(&["ALL".into()]), &["wiring".into()]);
        assert!(!on(&m, "ECS401"));
        assert!(on(&m, "ECS101"));
        // `ignore = ["ALL"]` with the default selection switches everything off.
        let m = enabled(None, &["ALL".into()]);
        assert!(m.iter().all(|on| !on));
    }

    #[test]
    fn profiles_nest_and_select_works_on_top() {
        let registry = Registry::builtin();
        let mask = |profile, select: Option<&[String]>, extend: &[String]| {
            enabled_rules(select, extend, &[], profile, &registry).expect("valid")
        };
        let deploy = mask(Profile::Deploy, None, &[]);
        assert!(on(&deploy, "ECS201") && on(&deploy, "ECS401"));
        assert!(!on(&deploy, "ECS210") && !on(&deploy, "ECS203"));
        let recommended = mask(Profile::Recommended, None, &[]);
        assert!(on(&recommended, "ECS210") && on(&recommended, "ECS203"));
        assert!(!on(&recommended, "ECS212"));
        let security = mask(Profile::Security, None, &[]);
        assert!(on(&security, "ECS212"));
        // Each profile holds the one before it.
        for (small, big) in [(&deploy, &recommended), (&recommended, &security)] {
            assert!(small.iter().zip(big.iter()).all(|(s, b)| !s || *b));
        }
        // `extend-select` adds to the profile; `select` replaces it.
        let extended = mask(Profile::Recommended, None, &["ECS212".into()]);
        assert!(on(&extended, "ECS212") && on(&extended, "ECS201"));
        let selected = mask(Profile::Deploy, Some(&["ECS212".into()]), &[]);
        assert!(on(&selected, "ECS212") && !on(&selected, "ECS201"));
    }

    #[test]
    fn profile_from_the_file_and_the_command_line() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "profile = \"deploy\"\n").expect("write");
        let loaded = load(&path).expect("loads");
        let registry = Registry::builtin();
        let enabled = |flags: RuleFlags<'_>| {
            scope(&loaded, flags, dir.path(), &registry)
                .expect("scope")
                .rules
                .enabled
        };
        let from_file = enabled(RuleFlags::default());
        assert!(on(&from_file, "ECS201") && !on(&from_file, "ECS210"));
        let flagged = enabled(RuleFlags {
            profile: Some(Profile::Security),
            ..RuleFlags::default()
        });
        assert!(on(&flagged, "ECS210") && on(&flagged, "ECS212"));
        std::fs::write(&path, "profile = \"strict\"\n").expect("write");
        let err = load(&path).map(|_| ()).expect_err("unknown profile");
        assert!(err.contains("strict"), "{err}");
    }

    #[test]
    fn unknown_selector_suggests() {
        let err = Selector::parse("host-port-mismatc", &Registry::builtin()).expect_err("unknown");
        assert!(err.contains("did you mean `host-port-mismatch`"), "{err}");
        let err = Selector::parse("ECS2O1", &Registry::builtin()).expect_err("unknown");
        assert!(err.contains("did you mean `ECS201`"), "{err}");
        // A prefix no rule has is not a misspelt code.
        let err = Selector::parse("ECS9", &Registry::builtin()).expect_err("unknown");
        assert!(!err.contains("ECS209"), "{err}");
        assert!(
            err.contains("matches no rule: codes start with ECS0, ECS1, ECS2"),
            "{err}"
        );
    }

    #[test]
    fn unknown_key_names_the_key_and_line() {
        let err = parse("select = [\"ECS2\"]\nfail_on = \"warning\"\n").expect_err("unknown key");
        assert!(err.contains("fail_on"), "{err}");
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn severity_override_most_specific() {
        let mut o = BTreeMap::new();
        o.insert("ECS2".to_string(), Severity::Info);
        o.insert("ECS201".to_string(), Severity::Warning);
        let s = severities(&o, &Registry::builtin()).expect("valid");
        let idx = |c: &str| {
            Registry::builtin()
                .find(c)
                .map(|r| r.index())
                .expect("rule")
        };
        assert_eq!(s[idx("ECS201")], Severity::Warning);
        assert_eq!(s[idx("ECS202")], Severity::Info);
        assert_eq!(s[idx("ECS101")], Severity::Error);
    }
}
