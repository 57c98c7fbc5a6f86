//! A step's questions as data: which control, which words. One renderer turns them into the
//! accessible fields, so every step of every procedure looks and behaves the same.

use leptos::prelude::*;

use crate::components::{
    CheckboxGroup, CheckboxItem, FormMessages, RadioGroup, RadioOption, SelectField, SelectOption,
    TextArea, TextField,
};
use crate::i18n::{use_i18n, FluentArgs};
use crate::model::step_form::is_checked;
use crate::model::StepValues;

/// How a question is answered. Choices are `(value, label message id)`.
#[derive(Clone, Copy, Debug)]
pub enum Control {
    /// `kind` is the input type: `text`, `tel`, `email`, `date`.
    Text {
        kind: &'static str,
        autocomplete: Option<&'static str>,
        width: Option<&'static str>,
    },
    Area,
    Select(&'static [(&'static str, &'static str)]),
    Radios(&'static [(&'static str, &'static str)]),
    /// Several yes/no boxes under one legend: `(input name, label message id)`; the question's
    /// id is the group's (its error and the summary's link).
    Checkboxes(&'static [(&'static str, &'static str)]),
}

impl Control {
    pub const TEXT: Control = Control::Text {
        kind: "text",
        autocomplete: None,
        width: None,
    };
}

#[derive(Clone, Copy, Debug)]
pub struct Question {
    /// The input's name and id (the group's id for checkboxes).
    pub id: &'static str,
    /// Message ids of the label (or legend) and of the optional hint.
    pub label: &'static str,
    pub hint: Option<&'static str>,
    pub control: Control,
}

/// Questions under an optional legend (a fieldset); `n` numbers the legend ("Contact person 2").
#[derive(Clone, Debug)]
pub struct Section {
    pub legend: Option<&'static str>,
    pub n: Option<u32>,
    pub questions: Vec<Question>,
}

/// The inputs of a step with what was answered (`answers`, as a form posts them) and their
/// messages.
#[component]
pub fn StepFields(
    sections: Vec<Section>,
    answers: StepValues,
    messages: FormMessages,
) -> impl IntoView {
    let i18n = use_i18n();
    sections
        .into_iter()
        .map(|section| {
            let questions = section
                .questions
                .into_iter()
                .map(|question| render(question, &answers, messages))
                .collect_view();
            match section.legend {
                Some(legend) => {
                    let legend = match section.n {
                        Some(n) => {
                            let mut args = FluentArgs::new();
                            args.set("n", n);
                            i18n.t_with(legend, &args)
                        }
                        None => i18n.t(legend),
                    };
                    view! {
                        <fieldset class="fieldset">
                            <legend class="fieldset__legend fieldset__legend--m">{legend}</legend>
                            {questions}
                        </fieldset>
                    }
                    .into_any()
                }
                None => questions.into_any(),
            }
        })
        .collect_view()
}

fn render(question: Question, answers: &StepValues, messages: FormMessages) -> AnyView {
    let i18n = use_i18n();
    let id = question.id;
    let label = i18n.t(question.label);
    let hint = question.hint.map(|h| i18n.t(h));
    let error = messages.message_for(i18n, id);
    let answer = |name: &str| answers.get(name).cloned().unwrap_or_default();
    match question.control {
        Control::Text {
            kind,
            autocomplete,
            width,
        } => view! {
            <TextField id label hint=hint.unwrap_or_default() value=answer(id) error
                input_type=kind autocomplete=autocomplete.unwrap_or("off")
                width=width.unwrap_or("")/>
        }
        .into_any(),
        Control::Area => view! {
            <TextArea id label hint=hint.unwrap_or_default() value=answer(id) error/>
        }
        .into_any(),
        Control::Select(options) => {
            let options = options
                .iter()
                .map(|(value, label)| SelectOption {
                    value,
                    label: i18n.t(label),
                })
                .collect();
            view! {
                <SelectField id label hint=hint.unwrap_or_default() placeholder=i18n.t("choose")
                    options value=answer(id) error/>
            }
            .into_any()
        }
        Control::Radios(options) => {
            let chosen = answer(id);
            let selected = options
                .iter()
                .any(|(value, _)| *value == chosen)
                .then_some(chosen);
            let options = options
                .iter()
                .map(|(value, label)| RadioOption {
                    value,
                    label: i18n.t(label),
                    hint: None,
                })
                .collect();
            view! {
                <RadioGroup id legend=label hint=hint.unwrap_or_default() options selected error/>
            }
            .into_any()
        }
        Control::Checkboxes(boxes) => {
            let items = boxes
                .iter()
                .map(|(name, label)| CheckboxItem {
                    name,
                    label: i18n.t(label),
                    hint: None,
                    checked: is_checked(&answer(name)),
                })
                .collect();
            view! {
                <CheckboxGroup id legend=label hint=hint.unwrap_or_default() items error/>
            }
            .into_any()
        }
    }
}
