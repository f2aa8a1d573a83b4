//! Reply templates, saved per language on this computer, with placeholders
//! (`{order_id}`, `{item}`, `{store}`, `{case_id}`) filled from the case
//! when the seller inserts one at the cursor.

use crate::cases::find_case;
use crate::desk::Desk;
use crate::error::{AppError, ErrorCode};
use csba_store::{AccountId, Store};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const TEMPLATES_KEY: &str = "reply_templates";
/// Longer than any reply would be pointless: replies are limited too.
const MAX_TEMPLATE_CHARS: usize = csba_api::limits::MAX_REPLY_CHARS;
const MAX_NAME_CHARS: usize = 80;

/// The placeholders a template may hold.
pub const PLACEHOLDERS: [&str; 4] = ["{order_id}", "{item}", "{store}", "{case_id}"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReplyTemplate {
    pub id: String,
    pub name: String,
    /// BCP 47 tag of the reply language it is written in.
    pub language: String,
    pub body: String,
}

fn load(store: &Store) -> Result<Vec<ReplyTemplate>, AppError> {
    Ok(store
        .setting(TEMPLATES_KEY)?
        .and_then(|json| {
            serde_json::from_str(&json).map_err(|e| tracing::warn!("reply templates unreadable: {e}")).ok()
        })
        .unwrap_or_default())
}

fn save(store: &Store, templates: &[ReplyTemplate]) -> Result<(), AppError> {
    let json = serde_json::to_string(templates).map_err(|_| AppError::new(ErrorCode::ReplicaUnavailable))?;
    Ok(store.set_setting(TEMPLATES_KEY, &json)?)
}

/// Fills the placeholders in `body` for a case.
pub fn fill(body: &str, order_id: &str, item: &str, store_name: &str, case_id: &str) -> String {
    body.replace("{order_id}", order_id)
        .replace("{item}", item)
        .replace("{store}", store_name)
        .replace("{case_id}", case_id)
}

impl Desk {
    /// Every template, by language then name.
    pub fn reply_templates(&self) -> Result<Vec<ReplyTemplate>, AppError> {
        let mut templates = load(&*self.store()?)?;
        templates.sort_by(|a, b| (&a.language, &a.name).cmp(&(&b.language, &b.name)));
        Ok(templates)
    }

    /// Adds a template, or replaces the one with `id`.
    pub fn save_reply_template(
        &self,
        id: Option<&str>,
        name: &str,
        language: &str,
        body: &str,
    ) -> Result<ReplyTemplate, AppError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(AppError::new(ErrorCode::TemplateNameEmpty).at("name"));
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(AppError::new(ErrorCode::ReplyTooLong).with_arg("max", MAX_NAME_CHARS.to_string()).at("name"));
        }
        if body.trim().is_empty() {
            return Err(AppError::new(ErrorCode::TemplateEmpty).at("body"));
        }
        if body.chars().count() > MAX_TEMPLATE_CHARS {
            return Err(AppError::new(ErrorCode::ReplyTooLong)
                .with_arg("max", MAX_TEMPLATE_CHARS.to_string())
                .at("body"));
        }
        let known = ["en", "zh-CN", "ja"];
        let language = known.iter().find(|l| l.eq_ignore_ascii_case(language.trim())).ok_or_else(|| {
            AppError::new(ErrorCode::ReplyLanguageInvalid).with_arg("language", language).at("language")
        })?;
        let store = self.store()?;
        let mut templates = load(&store)?;
        let template = ReplyTemplate {
            id: id.map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_owned),
            name: name.to_owned(),
            language: (*language).to_owned(),
            body: body.to_owned(),
        };
        match templates.iter_mut().find(|t| t.id == template.id) {
            Some(slot) => *slot = template.clone(),
            None if id.is_some() => return Err(AppError::new(ErrorCode::TemplateNotFound)),
            None => templates.push(template.clone()),
        }
        save(&store, &templates)?;
        Ok(template)
    }

    pub fn delete_reply_template(&self, id: &str) -> Result<(), AppError> {
        let store = self.store()?;
        let mut templates = load(&store)?;
        let before = templates.len();
        templates.retain(|t| t.id != id);
        if templates.len() == before {
            return Err(AppError::new(ErrorCode::TemplateNotFound));
        }
        save(&store, &templates)
    }

    /// The template's text with the case's details in place.
    pub fn fill_reply_template(&self, id: &str, account: AccountId, case_id: &str) -> Result<String, AppError> {
        let store = self.store()?;
        let template =
            load(&store)?.into_iter().find(|t| t.id == id).ok_or_else(|| AppError::new(ErrorCode::TemplateNotFound))?;
        let case = find_case(&store, account, case_id)?;
        let store_name =
            store.accounts()?.into_iter().find(|a| a.id == account).map(|a| a.display_name).unwrap_or_default();
        Ok(fill(
            &template.body,
            &case.view.order_id,
            case.view.item_title.as_deref().unwrap_or_default(),
            &store_name,
            case_id,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_other_text_is_kept() {
        let filled = fill("注文{order_id}（{item}）について。{unknown} {store}", "503-1", "茶香炉", "店", "c-1");
        assert_eq!(filled, "注文503-1（茶香炉）について。{unknown} 店");
    }
}
