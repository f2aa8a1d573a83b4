//! The catalog check of the test run: every message exists in all four
//! locales, with the same attributes and the same placeables, and the
//! zh-CN, ja and ko files carry no English left over.

use csba_i18n::{Catalog, Locale};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;
use std::collections::{BTreeMap, BTreeSet};

/// message id (or `id.attribute`) → variable names it uses.
type Shapes = BTreeMap<String, BTreeSet<String>>;

fn shapes(locale: Locale) -> Result<(Shapes, BTreeMap<String, String>), String> {
    let mut shapes = Shapes::new();
    let mut texts = BTreeMap::new();
    for file in Catalog::files().filter(|f| f.locale == locale.tag()) {
        let resource =
            parser::parse(file.source).map_err(|(_, errors)| format!("{}/{}: {:?}", file.locale, file.name, errors))?;
        for entry in resource.body {
            let (id, value, attributes) = match entry {
                Entry::Message(m) => (m.id.name.to_owned(), m.value, m.attributes),
                Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                _ => continue,
            };
            if let Some(value) = value {
                let mut vars = BTreeSet::new();
                let mut text = String::new();
                walk(&value, &mut vars, &mut text);
                if shapes.insert(id.clone(), vars).is_some() {
                    return Err(format!("{}/{}: `{id}` defined twice", file.locale, file.name));
                }
                texts.insert(id.clone(), text);
            }
            for attr in attributes {
                let mut vars = BTreeSet::new();
                let mut text = String::new();
                walk(&attr.value, &mut vars, &mut text);
                let key = format!("{id}.{}", attr.id.name);
                shapes.insert(key.clone(), vars);
                texts.insert(key, text);
            }
        }
    }
    Ok((shapes, texts))
}

fn walk(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>, text: &mut String) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable { expression } => expression_vars(expression, vars, text),
        }
    }
}

fn expression_vars(expression: &Expression<&str>, vars: &mut BTreeSet<String>, text: &mut String) {
    match expression {
        Expression::Inline(inline) => inline_vars(inline, vars, text),
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars, text);
            for variant in variants {
                walk(&variant.value, vars, text);
            }
        }
    }
}

fn inline_vars(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>, text: &mut String) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        // String literals hold code-like text that stays as is in every
        // language (a command name), so they are not checked for English.
        InlineExpression::StringLiteral { .. } => {}
        InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_vars(arg, vars, text);
            }
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars, text),
        _ => {}
    }
}

#[test]
fn every_message_exists_in_every_locale_with_the_same_placeables() -> Result<(), String> {
    let (reference, _) = shapes(Locale::En)?;
    assert!(!reference.is_empty(), "the English catalog is empty");
    let mut problems = Vec::new();
    for locale in Locale::ALL {
        let (these, _) = shapes(locale)?;
        for (id, vars) in &reference {
            match these.get(id) {
                None => problems.push(format!("{locale}: missing `{id}`")),
                Some(v) if v != vars => problems.push(format!("{locale}: `{id}` uses {v:?}, en uses {vars:?}")),
                Some(_) => {}
            }
        }
        for id in these.keys().filter(|id| !reference.contains_key(*id)) {
            problems.push(format!("{locale}: `{id}` is not in en"));
        }
    }
    assert!(problems.is_empty(), "catalog mismatches:\n{}", problems.join("\n"));
    Ok(())
}

/// Proper names that legitimately stay in Latin letters in every language.
const PROPER_NAMES: &[&str] = &[
    "CSBA", "Desk", "Amazon", "co", "jp", "com", "JP", "US", "ID", "IDs", "SKU", "FBA", "MFN", "A-to-z", "English",
    "Seller", "Central", "ODR", "CPU", "UPS", "FedEx", "USPS", "DHL", "CSV", "Excel", "JSON", "API", "URL", "HTTP",
    "UTC", "H", "MM", "SS", // Units and file types, written in Latin letters in CJK text too.
    "MB", "KB", "GB", "TSV", "xlsx",
];

#[test]
fn cjk_catalogs_carry_no_english_left_over() -> Result<(), String> {
    let mut problems = Vec::new();
    for locale in [Locale::ZhCn, Locale::Ja, Locale::Ko] {
        let (_, texts) = shapes(locale)?;
        for (id, text) in texts {
            let leftover: Vec<&str> = text
                .split(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
                .map(|w| w.trim_matches('-'))
                .filter(|w| w.len() >= 2 && !PROPER_NAMES.contains(w))
                .collect();
            if !leftover.is_empty() {
                problems.push(format!("{locale}: `{id}` has untranslated words {leftover:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    Ok(())
}

#[test]
fn every_locale_directory_is_a_known_locale() {
    for file in Catalog::files() {
        assert!(Locale::from_tag(file.locale).is_some(), "unexpected locale directory {}", file.locale);
        assert!(Locale::from_tag(file.locale).map(|l| l.tag()) == Some(file.locale), "directory case: {}", file.locale);
    }
}
