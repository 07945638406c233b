//! The YAML loader on arbitrary text: never panics, and every span of the tree it builds lies
//! inside the text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match ecslint::load::parse(text, ecslint::load::Syntax::Yaml) {
            Ok(docs) => docs
                .iter()
                .for_each(|d| ecslint::load::tree::assert_spans_within(d, text)),
            Err(e) => ecslint::load::tree::assert_span_within(e.span, text),
        }
    }
});
