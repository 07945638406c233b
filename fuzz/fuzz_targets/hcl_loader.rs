//! The HCL loader, and the shaping of Terraform resources, on arbitrary text: never panics, and
//! every span of the tree it builds lies inside the text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match ecslint::load::parse(text, ecslint::load::Syntax::Hcl) {
            Ok(docs) => docs.into_iter().for_each(|d| {
                let d = ecslint::model::recognise::shape(d, text, ecslint::load::Syntax::Hcl);
                ecslint::load::tree::assert_spans_within(&d, text)
            }),
            Err(e) => ecslint::load::tree::assert_span_within(e.span, text),
        }
    }
});
