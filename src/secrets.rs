//! Recognising secrets in configuration, so that ecslint can report them (ECS211) and never
//! print them: every text kept for rendering has its secret values masked first, whether or
//! not the rule is enabled.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Resource;
use crate::span::Span;

/// What a value was recognised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretKind {
    AwsAccessKeyId,
    PrivateKey,
    /// A value under one of the names AWS Config's ECS.8 check lists.
    AwsCredential,
    /// A literal value under a secret-looking name (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*_KEY`).
    Password,
}

impl SecretKind {
    pub fn describe(self) -> &'static str {
        match self {
            SecretKind::AwsAccessKeyId => "an AWS access key id",
            SecretKind::PrivateKey => "a private key",
            SecretKind::AwsCredential => "an AWS credential",
            SecretKind::Password => "a secret",
        }
    }
}

static ACCESS_KEY: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b").ok());
static PRIVATE_KEY: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"-----BEGIN[A-Z ]*PRIVATE KEY-----").ok());
/// `"name": "X", "value": "Y"` (either order) in raw JSON text, for files that do not parse.
static JSON_PAIR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r#""name"\s*:\s*"(?P<n1>[^"\\]*)"\s*,\s*"value"\s*:\s*"(?P<v1>(?:[^"\\]|\\.)*)"|"value"\s*:\s*"(?P<v2>(?:[^"\\]|\\.)*)"\s*,\s*"name"\s*:\s*"(?P<n2>[^"\\]*)""#,
    )
    .ok()
});
/// `name: X` followed by `value: Y` in raw YAML text.
static YAML_PAIR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r#"(?m)name:\s*["']?(?P<n>[A-Za-z0-9_.-]+)["']?\s*\n\s*value:\s*(?P<v>"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\n#]*)"#,
    )
    .ok()
});

/// Names AWS Config's `ecs-no-environment-secrets` (Security Hub ECS.8) checks by default.
const AWS_CREDENTIAL_NAMES: &[&str] = &[
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "ECS_ENGINE_AUTH_DATA",
];

/// Name endings that mark a reference to a secret, or a setting about it, not the secret.
const REFERENCE_SUFFIXES: &[&str] = &[
    "_PARAMETER",
    "_PARAM",
    "_COOKIE",
    "_DAYS",
    "_SECONDS",
    "_COUNT",
    "_SIZE",
    "_RETRIES",
    "_POLICY",
    "_ROTATION",
    "_REQUIRED",
    "_LOCATION",
    "_KEY_ID",
    "_ARN",
    "_NAME",
    "_ID",
    "_PATH",
    "_FILE",
    "_URL",
    "_URI",
    "_ENDPOINT",
    "_REGION",
    "_HOST",
    "_PORT",
    "_USER",
    "_USERNAME",
    "_TYPE",
    "_LENGTH",
    "_TTL",
    "_EXPIRY",
    "_EXPIRATION",
    "_HEADER",
    "_PREFIX",
    "_ENABLED",
    "_VERSION",
    "_MODE",
    "_TIMEOUT",
];

/// How much a variable's name says its value is a secret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NameSays {
    /// `DB_PASSWORD`, `API_TOKEN`, `STRIPE_SECRET`, `GITHUB_API_KEY`, `PRIVATE_KEY`,
    /// `SERVICE_CREDENTIALS`: any literal value is a secret in plain text, however weak it is
    /// (Security Hub ECS.8 and KICS flag these names whatever the value).
    Secret,
    /// `SIGNING_KEY`, `ACCESS_KEY`, `DB_PWD`: a secret when the value looks like one.
    MaybeSecret,
    Nothing,
}

/// Splits `DB_PASSWORD`, `db-password`, `dbPassword` into upper-case words.
fn words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        current.push(c.to_ascii_uppercase());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Whether a name holds one of the words a secret's name has (`PASS`, `PWD`, `SECRET`,
/// `TOKEN`, `KEY`, `CREDENTIAL`), in any case: one pass, no allocation (most names, such as
/// `LOG_LEVEL` or `PORT`, are decided here).
fn mentions_secret_word(name: &str) -> bool {
    let b = name.as_bytes();
    // `x | 0x20` is `x` in lower case for an ASCII letter, and equals a lower-case letter only
    // when `x` is that letter in either case: one instruction per byte instead of a branch.
    let starts = |i: usize, w: &[u8]| {
        b.len() - i >= w.len() && b[i..i + w.len()].iter().zip(w).all(|(a, c)| a | 0x20 == *c)
    };
    (0..b.len()).any(|i| match b[i] | 0x20 {
        b'p' => starts(i, b"pass") || starts(i, b"pwd"),
        b's' => starts(i, b"secret"),
        b't' => starts(i, b"token"),
        b'k' => starts(i, b"key"),
        b'c' => starts(i, b"credential"),
        _ => false,
    })
}

fn name_says(name: &str) -> NameSays {
    // Most names (`LOG_LEVEL`, `PORT`) hold none of the words: decided without allocating.
    if !mentions_secret_word(name) {
        return NameSays::Nothing;
    }
    let upper = name.to_ascii_uppercase();
    // `SECRET_ARN`, `TOKEN_URL`, `PASSWORD_MIN_LENGTH`, `API_KEY_PATH`: the name describes a
    // secret, its value is a reference or a setting.
    if REFERENCE_SUFFIXES.iter().any(|s| upper.ends_with(s)) {
        return NameSays::Nothing;
    }
    let mut words = words(name);
    // `DB_PASSWORD_2`: a numbered secret is still one.
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    {
        words.pop();
    }
    // The name says "secret" when its last word does (`DB_PASSWORD`, `GITHUB_TOKEN`,
    // `JWT_SECRET`, `SERVICE_CREDENTIALS`) or its last two are an API, private or secret key
    // (`STRIPE_API_KEY`, `SECRET_KEY`). A secret word followed by another word names something
    // about a secret (`TOKEN_AUDIENCE`, `PASSWORD_HASH_ALGO`, `SECRET_STORE`).
    let last = words.last().map(String::as_str).unwrap_or("");
    let strong = last.contains("PASSWORD")
        || last.contains("PASSWD")
        || last.contains("SECRET")
        || last.starts_with("CREDENTIAL")
        || last.ends_with("TOKEN")
        || last.ends_with("TOKENS")
        || last.ends_with("APIKEY")
        || last == "PASSPHRASE"
        || (last == "KEY"
            && words.len() >= 2
            && matches!(
                words[words.len() - 2].as_str(),
                "API" | "PRIVATE" | "SECRET"
            ));
    if strong {
        NameSays::Secret
    } else if last == "KEY" || last == "PWD" || upper.contains("ACCESS_KEY") {
        NameSays::MaybeSecret
    } else {
        NameSays::Nothing
    }
}

/// A value that refers to a secret, or a setting, rather than being one: an ARN, an SSM or
/// Secrets Manager reference, a dynamic reference, a parameter path, a URL without a password,
/// a boolean.
fn is_reference_or_setting(value: &str) -> bool {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    [
        "arn:",
        "ssm:",
        "secretsmanager:",
        "{{resolve:",
        "/",
        "./",
        "file:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || (lower.contains("://") && !has_userinfo_password(v))
        || matches!(
            lower.as_str(),
            "true" | "false" | "yes" | "no" | "enabled" | "disabled" | "required" | "optional"
        )
}

/// Shannon entropy in bits per character.
pub fn entropy(s: &str) -> f64 {
    let mut counts = std::collections::HashMap::new();
    let mut n = 0usize;
    for c in s.chars() {
        *counts.entry(c).or_insert(0usize) += 1;
        n += 1;
    }
    if n == 0 {
        return 0.0;
    }
    counts
        .values()
        .map(|&c| {
            let p = c as f64 / n as f64;
            -p * p.log2()
        })
        .sum()
}

/// How many of lower case, upper case, digits and other characters `v` mixes.
fn character_classes(v: &str) -> usize {
    [
        v.bytes().any(|b| b.is_ascii_lowercase()),
        v.bytes().any(|b| b.is_ascii_uppercase()),
        v.bytes().any(|b| b.is_ascii_digit()),
        v.bytes().any(|b| !b.is_ascii_alphanumeric()),
    ]
    .iter()
    .filter(|c| **c)
    .count()
}

/// Values that are clearly not a secret even under a secret-looking name.
fn clearly_not_secret(value: &str) -> bool {
    let v = value.trim();
    // Under a name that only may hold a secret (`SORT_KEY`, `SIGNING_KEY`), only a value that
    // looks random counts: long, several character classes, high entropy.
    let classes = character_classes(v);
    v.len() < 16
        || v.chars().any(char::is_whitespace)
        || is_reference_or_setting(v)
        || looks_like_a_name(v)
        || classes < 3
        || entropy(v) < 3.0
}

/// A path, host name or identifier rather than a secret: lower-case words joined by `/`, `.`,
/// `-` or `_` (`alias/orders-prod`, `uploads/2024/report.csv`, `api.example.com`,
/// `bert-base-uncased`), or one character class only (`csrftoken`).
fn looks_like_a_name(v: &str) -> bool {
    let lower_words = v
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"/.-_:".contains(&b))
        && v.bytes().any(|b| b"/.-_".contains(&b));
    let classes = character_classes(v);
    lower_words || classes < 2
}

/// `scheme://user:password@host`.
fn has_userinfo_password(v: &str) -> bool {
    // Most values hold no `@`: one byte scan decides.
    if !v.as_bytes().contains(&b'@') {
        return false;
    }
    v.split_once("://")
        .and_then(|(_, rest)| rest.split(['/', '?', '#']).next())
        .is_some_and(|authority| {
            authority.contains('@') && authority.split('@').next().is_some_and(|u| u.contains(':'))
        })
}

/// Whether `value` holds `AKIA` or `ASIA` with room for an access key id (20 characters).
fn may_hold_access_key(value: &str) -> bool {
    value.len() >= 20
        && value
            .as_bytes()
            .windows(4)
            .any(|w| w == b"AKIA" || w == b"ASIA")
}

/// What a literal environment variable value is, if it is a secret.
pub fn classify(name: &str, value: &str) -> Option<SecretKind> {
    // Empty, or already redacted (`********`, as `describe-*` examples print a password).
    if value.is_empty() || value.bytes().all(|b| b == b'*') {
        return None;
    }
    // The regexes run only on values holding their literal part: most values hold neither,
    // and a byte scan costs a fraction of a regex call on the short values of a task definition.
    if may_hold_access_key(value) && ACCESS_KEY.as_ref().is_some_and(|r| r.is_match(value)) {
        return Some(SecretKind::AwsAccessKeyId);
    }
    if value.contains("-----BEGIN") && PRIVATE_KEY.as_ref().is_some_and(|r| r.is_match(value)) {
        return Some(SecretKind::PrivateKey);
    }
    if has_userinfo_password(value) {
        return Some(SecretKind::Password);
    }
    if AWS_CREDENTIAL_NAMES
        .iter()
        .any(|n| n.eq_ignore_ascii_case(name))
    {
        return Some(SecretKind::AwsCredential);
    }
    match name_says(name) {
        NameSays::Secret if !value.trim().is_empty() && !is_reference_or_setting(value) => {
            Some(SecretKind::Password)
        }
        NameSays::MaybeSecret if !clearly_not_secret(value) => Some(SecretKind::Password),
        _ => None,
    }
}

/// Log driver options whose literal value is a credential: Splunk's token, and the API keys
/// and passwords of FireLens outputs (Datadog, New Relic, HTTP, Elasticsearch, Loki).
const LOG_OPTION_SECRETS: [&str; 12] = [
    "splunk-token",
    "apikey",
    "api_key",
    "dd_api_key",
    "license_key",
    "licensekey",
    "http_passwd",
    "http_password",
    "passwd",
    "password",
    "bearer_token",
    "aws_secret_access_key",
];

/// A log configuration option holding a literal secret.
pub struct LogOptionSecret<'t> {
    pub name: &'t str,
    pub key_span: Span,
    pub value_span: Span,
}

/// The options of a container's `logConfiguration` whose literal values are secrets: a known
/// credential option of a log driver, or an option whose name and value say so as an
/// environment variable's would. Empty values, placeholders and references (an ARN, a
/// `{{resolve:…}}`) are not secrets.
pub fn log_option_secrets<'t>(c: &crate::model::Container<'t>) -> Vec<LogOptionSecret<'t>> {
    use crate::model::Val;
    let Val::Known(log, _) = &c.log_configuration else {
        return Vec::new();
    };
    // The `awslogs` driver's options are a closed set with no credential among them (ECS112
    // reports any other name): the most common configuration is decided without reading them.
    if matches!(log.driver, Val::Known("awslogs", _)) {
        return Vec::new();
    }
    let Val::Known(options, _) = log.options else {
        return Vec::new();
    };
    let Some(members) = options.as_object() else {
        return Vec::new();
    };
    members
        .iter()
        .filter_map(|m| {
            let name: &'t str = m.key.as_ref();
            let known = LOG_OPTION_SECRETS
                .iter()
                .any(|k| k.eq_ignore_ascii_case(name));
            // Most options (`awslogs-group`, `mode`) name nothing secret: decided by the name
            // alone, before the value is read.
            if !known && !mentions_secret_word(name) {
                return None;
            }
            let Val::Known(value, value_span) = crate::model::value::text(Some(&m.value)) else {
                return None;
            };
            let secret = if known {
                !value.trim().is_empty()
                    && !value.bytes().all(|b| b == b'*')
                    && !is_reference_or_setting(value)
            } else {
                classify(name, value).is_some()
            };
            secret.then_some(LogOptionSecret {
                name,
                key_span: m.key_span,
                value_span,
            })
        })
        .collect()
}

/// Spans of the secret values among the environment variables and log options the model read.
pub fn spans(resources: &[Resource<'_>]) -> Vec<Span> {
    let mut out = Vec::new();
    for r in resources {
        if let Resource::TaskDef(td) = r {
            for c in &td.containers {
                for env in &c.environment {
                    if let (Some(_), Some(span)) = (env.secret, env.value.span()) {
                        out.push(span);
                    }
                }
                out.extend(log_option_secrets(c).iter().map(|s| s.value_span));
            }
        }
    }
    out
}

/// Secrets found in raw text, without parsing: AWS keys and private keys always, and values
/// of secret-looking name/value pairs when `pairs` (for files that do not parse).
pub fn raw_spans(text: &str, pairs: bool) -> Vec<Span> {
    let mut out = Vec::new();
    if let Some(r) = ACCESS_KEY.as_ref() {
        out.extend(r.find_iter(text).map(|m| Span::new(m.start(), m.end())));
    }
    if let Some(r) = PRIVATE_KEY.as_ref() {
        for m in r.find_iter(text) {
            // To the END marker, or to the end of the string or line that holds the key.
            let rest = &text[m.end()..];
            let end = rest
                .find("PRIVATE KEY-----")
                .map(|i| m.end() + i + "PRIVATE KEY-----".len())
                .or_else(|| rest.find(['"', '\n']).map(|i| m.end() + i))
                .unwrap_or(text.len());
            out.push(Span::new(m.start(), end));
        }
    }
    if !pairs {
        return out;
    }
    if let Some(r) = JSON_PAIR.as_ref() {
        for c in r.captures_iter(text) {
            let (Some(n), Some(v)) = (c.name("n1").or(c.name("n2")), c.name("v1").or(c.name("v2")))
            else {
                continue;
            };
            if classify(n.as_str(), v.as_str()).is_some() {
                out.push(Span::new(v.start(), v.end()));
            }
        }
    }
    if let Some(r) = YAML_PAIR.as_ref() {
        for c in r.captures_iter(text) {
            let (Some(n), Some(v)) = (c.name("n"), c.name("v")) else {
                continue;
            };
            let raw = v.as_str().trim_end();
            let value = raw.trim_matches(['"', '\'']);
            if classify(n.as_str(), value).is_some() {
                out.push(Span::new(v.start(), v.start() + raw.len()));
            }
        }
    }
    out
}

/// `text` with every span's characters replaced by `*`, byte for byte (a multi-byte character
/// becomes as many `*` as it has bytes) and line breaks kept, so every other offset, line and
/// column stays valid.
pub fn mask(text: &str, spans: &[Span]) -> String {
    if spans.is_empty() {
        return text.to_string();
    }
    let mut bytes = text.as_bytes().to_vec();
    for s in spans {
        let (mut start, mut end) = (s.start as usize, (s.end as usize).min(bytes.len()));
        // Keep the quotes of a quoted value, so the excerpt still reads as JSON or YAML.
        if end >= start + 2
            && matches!(bytes[start], b'"' | b'\'')
            && bytes[end - 1] == bytes[start]
        {
            start += 1;
            end -= 1;
        }
        if start < end && text.is_char_boundary(start) && text.is_char_boundary(end) {
            // Line breaks stay: a multi-line value (a YAML block scalar, a PEM key) masked
            // into one line would move every later finding's line and column.
            for b in &mut bytes[start..end] {
                if !matches!(*b, b'\n' | b'\r') {
                    *b = b'*';
                }
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification() {
        assert_eq!(
            classify("X", "AKIAIOSFODNN7EXAMPLE"),
            Some(SecretKind::AwsAccessKeyId)
        );
        assert_eq!(
            classify("KEY", "-----BEGIN RSA PRIVATE KEY-----\\nMIIE"),
            Some(SecretKind::PrivateKey)
        );
        assert_eq!(
            classify("AWS_SECRET_ACCESS_KEY", "abc"),
            Some(SecretKind::AwsCredential)
        );
        assert_eq!(
            classify("DB_PASSWORD", "hunter2hunter2"),
            Some(SecretKind::Password)
        );
        assert_eq!(
            classify("API_TOKEN", "ghp_8f3Kq9LmZx2Vb7Nc4Rt1Yw6Hs0Pd5Ja"),
            Some(SecretKind::Password)
        );
        assert_eq!(
            classify(
                "DB_PASSWORD_SECRET_ARN",
                "arn:aws:secretsmanager:us-east-1:1:secret:x"
            ),
            None
        );
        assert_eq!(
            classify("DB_PASSWORD", "arn:aws:secretsmanager:us-east-1:1:secret:x"),
            None
        );
        assert_eq!(
            classify("TOKEN_URL", "https://auth.example.com/token"),
            None
        );
        assert_eq!(
            classify(
                "DATABASE_URL_TOKEN",
                "postgres://app:s3cr3tPa55@db:5432/app"
            ),
            Some(SecretKind::Password)
        );
        assert_eq!(classify("LOG_LEVEL", "verysecretvalue123"), None);
        // A weak password in plain text is still a password in plain text.
        assert_eq!(
            classify("DB_PASSWORD", "changeme"),
            Some(SecretKind::Password)
        );
        assert_eq!(
            classify("REDIS_URL", "redis://default:Xk9mQ2vL@cache:6379"),
            Some(SecretKind::Password)
        );
        assert_eq!(classify("KMS_KEY", "alias/orders-prod"), None);
        assert_eq!(classify("S3_KEY", "uploads/2024/report.csv"), None);
        assert_eq!(classify("TOKENIZER_MODEL", "bert-base-uncased"), None);
        assert_eq!(classify("CSRF_TOKEN_COOKIE", "csrftoken"), None);
        assert_eq!(classify("X", "AROAEXAMPLEROLEID1234"), None);
        assert_eq!(
            classify("DB_PASSWORD", "aaaaaaaa"),
            Some(SecretKind::Password)
        );
        assert_eq!(classify("SECRET_ENABLED", "true"), None);
    }

    #[test]
    fn redacted_values_are_not_secrets() {
        // What `describe-task-definition` examples print in place of a password.
        assert_eq!(classify("MYSQL_ROOT_PASSWORD", "********"), None);
        assert_eq!(classify("DB_PASSWORD", "*"), None);
        assert!(classify("DB_PASSWORD", "**hunter2**").is_some());
    }

    #[test]
    fn names_that_say_secret_whatever_the_value() {
        for (name, value) in [
            ("DB_PASSWORD", "hunter2"),
            ("MYSQL_ROOT_PASSWORD", "root"),
            ("dbPassword", "pass"),
            ("SMTP_PASSWD", "12345"),
            ("JWT_SECRET", "secret"),
            ("CLIENT_SECRET", "abc"),
            ("GITHUB_TOKEN", "ghp_short"),
            ("AUTH_TOKEN", "letmein"),
            ("STRIPE_API_KEY", "sk_test_1"),
            ("SENDGRID_APIKEY", "SG.x"),
            ("PRIVATE_KEY", "k"),
            ("SERVICE_CREDENTIALS", "user:pass"),
            ("ADMIN_PASSWORD", "my secret phrase"),
            ("DB_PASSWORD_2", "hunter2"),
            ("SECRET_KEY", "django-insecure"),
            ("SIGNING_KEY", "q9X2vL7mZ4pR8sT1wY6k"),
        ] {
            assert_eq!(
                classify(name, value),
                Some(SecretKind::Password),
                "{name}={value}"
            );
        }
    }

    #[test]
    fn names_that_describe_a_secret_and_references() {
        for (name, value) in [
            ("PASSWORD_MIN_LENGTH", "12"),
            ("TOKEN_URL", "https://auth.example.com/token"),
            ("SECRET_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:x"),
            ("DB_PASSWORD_FILE", "/run/secrets/db"),
            ("API_KEY_PATH", "keys/api"),
            ("SECRET_ENABLED", "true"),
            ("TOKEN_EXPIRY", "3600"),
            ("CSRF_TOKEN_COOKIE", "csrftoken"),
            ("SECRET_NAME", "prod/db"),
            ("DB_PASSWORD", ""),
            ("DB_PASSWORD", "arn:aws:ssm:us-east-1:1:parameter/db"),
            ("DB_PASSWORD", "/prod/db/password"),
            ("TOKENIZER_MODEL", "bert-base-uncased"),
            ("API_TOKEN_PARAMETER", "/orders/prod/api-token"),
            ("SECRET_ROTATION_DAYS", "30"),
            ("LOG_LEVEL", "verysecretvalue123"),
            ("SORT_KEY", "createdAt"),
            ("TOKEN_AUDIENCE", "api"),
            ("PASSWORD_HASH_ALGO", "bcrypt"),
            ("PASSWORD_HASHER", "argon2"),
            ("SECRET_STORE", "vault"),
            ("SECRET_PROVIDER", "aws"),
            ("GITHUB_TOKEN_SCOPE", "repo"),
            ("CACHE_KEY", "v2-products"),
            ("S3_KEY", "reports/2024/q1.csv"),
        ] {
            assert_eq!(classify(name, value), None, "{name}={value}");
        }
    }

    #[test]
    fn masking_keeps_offsets() {
        let text = "a \u{e9}x b";
        let masked = mask(text, &[Span::new(2, 5)]);
        assert_eq!(masked.len(), text.len());
        assert_eq!(masked, "a *** b");
        assert_eq!(mask("v: \"abc\"", &[Span::new(3, 8)]), "v: \"***\"");
        assert_eq!(
            mask("k: |\n  ab\r\n  cd\nx", &[Span::new(3, 15)]),
            "k: *\n****\r\n****\nx"
        );
    }

    #[test]
    fn raw_scan_finds_pairs_in_broken_json_and_yaml() {
        let json = r#"{"environment": [{"name": "DB_PASSWORD", "value": "hunter2hunter2"},]}"#;
        let spans = raw_spans(json, true);
        assert_eq!(spans.len(), 1);
        assert_eq!(&json[spans[0].range()], "hunter2hunter2");
        let yaml = "environment:\n  - name: API_TOKEN\n    value: 'zX9qLm2Vb7Nc4Rt1'\n  - name: DB_PASSWORD\n    value: \"Zq8!vR3#pL9@wX2m\"\n";
        let spans = raw_spans(yaml, true);
        assert_eq!(&yaml[spans[0].range()], "'zX9qLm2Vb7Nc4Rt1'");
        assert_eq!(&yaml[spans[1].range()], "\"Zq8!vR3#pL9@wX2m\"");
    }
}
