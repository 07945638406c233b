//! Names the ECS API accepts (task families, container names), and how a message shows a
//! value from a file.

/// A value from a file as a message shows it: control characters escaped, and cut after 120
/// characters (a message is one line, whatever the file holds).
pub fn shown(s: &str) -> String {
    let mut out: String = s.chars().take(120).flat_map(char::escape_debug).collect();
    if s.chars().count() > 120 {
        out.push('…');
    }
    out
}

/// Why `s` does not match the API's name pattern (`is empty`, `is 300 characters long…`,
/// `` `my app` has characters other than… ``), or `None` when it does.
pub fn api_name_problem(s: &str) -> Option<String> {
    if is_api_name(s) {
        None
    } else if s.is_empty() {
        Some("is empty".to_string())
    } else if s.len() > 255 {
        Some(format!("is {} characters long (at most 255)", s.len()))
    } else {
        Some(format!(
            "`{}` has characters other than letters, digits, `-` and `_`",
            shown(s)
        ))
    }
}

/// Matches `^[A-Za-z0-9_-]{1,255}$`, the API's pattern for families and container names.
pub fn is_api_name(s: &str) -> bool {
    (1..=255).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
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
mod tests {
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
