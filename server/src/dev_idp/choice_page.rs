//! The built-in provider's pages: "sign in with LuxTrust or eID" and the identity to use.
//! Plain HTML from the server: it stands for another organisation's site, not the portal's.

use super::identities::{IDENTITIES, MEANS};
use super::AuthorizeParams;

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The pages' only style, inline (this stands for another site, with no stylesheet of ours);
/// the provider's Content-Security-Policy allows exactly this text by its hash.
pub const STYLE: &str = "\
body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #0b0c0c; line-height: 1.5; }\n\
.banner { background: #fff4e5; border-left: 6px solid #b35c00; padding: .75rem 1rem; }\n\
fieldset { border: 0; padding: 0; margin: 1.5rem 0; }\n\
legend { font-weight: 700; font-size: 1.2rem; }\n\
label { display: block; padding: .4rem 0; }\n\
.hint { color: #505a5f; font-size: .95rem; margin-left: 1.6rem; }\n\
.error { color: #d4351c; font-weight: 700; }\n\
button { font: inherit; padding: .5rem 1rem; margin-right: .75rem; }\n\
:focus-visible { outline: 3px solid #ffdd00; outline-offset: 2px; }\n\
";

/// The pages' Content-Security-Policy: nothing but that style, forms back to this origin.
pub fn content_security_policy() -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(STYLE));
    format!(
        "default-src 'none'; style-src 'sha256-{hash}'; form-action 'self'; \
         frame-ancestors 'none'; base-uri 'none'"
    )
}

fn page(title: &str, body: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<p class="banner" role="note"><strong>Fournisseur d'identité de développement / development identity provider.</strong>
Aucune vraie authentification n'a lieu ici. / No real authentication happens here.</p>
{body}
</main>
</body>
</html>"#
    )
}

fn hidden_fields(params: &AuthorizeParams) -> String {
    let pairs = [
        ("client_id", Some(params.client_id.as_str())),
        ("redirect_uri", Some(params.redirect_uri.as_str())),
        ("response_type", Some(params.response_type.as_str())),
        ("scope", Some(params.scope.as_str())),
        ("state", params.state.as_deref()),
        ("nonce", params.nonce.as_deref()),
        ("code_challenge", Some(params.code_challenge.as_str())),
        (
            "code_challenge_method",
            Some(params.code_challenge_method.as_str()),
        ),
        ("acr_values", params.acr_values.as_deref()),
    ];
    pairs
        .iter()
        .filter_map(|(name, value)| {
            value.map(|v| {
                format!(
                    r#"<input type="hidden" name="{name}" value="{}">"#,
                    escape(v)
                )
            })
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn form(params: &AuthorizeParams, problem: bool) -> String {
    // The first means the portal asked for is chosen in advance.
    let wanted = params
        .acr_values
        .as_deref()
        .and_then(|v| v.split(' ').next())
        .unwrap_or("luxtrust");
    let means = MEANS
        .iter()
        .map(|(acr, label)| {
            let checked = if *acr == wanted { " checked" } else { "" };
            format!(
                r#"<label><input type="radio" name="means" value="{acr}"{checked}> {}</label>"#,
                escape(label)
            )
        })
        .collect::<String>();
    let people = IDENTITIES
        .iter()
        .enumerate()
        .map(|(index, identity)| {
            let checked = if index == 0 { " checked" } else { "" };
            format!(
                r#"<label><input type="radio" name="identity" value="{subject}" aria-describedby="{subject}-hint"{checked}> {given} {family}</label>
<div class="hint" id="{subject}-hint">{description}</div>"#,
                subject = identity.subject,
                given = escape(identity.given_name),
                family = escape(identity.family_name),
                description = escape(identity.description),
            )
        })
        .collect::<String>();
    let problem = if problem {
        r#"<p class="error" role="alert">Choisissez un moyen et une identité. / Choose a means and an identity.</p>"#
    } else {
        ""
    };
    format!(
        r#"<h1>Se connecter / Sign in</h1>
{problem}
<form method="post" action="authorize">
{hidden}
<fieldset><legend>Moyen d'authentification / Means of authentication</legend>{means}</fieldset>
<fieldset><legend>Identité de test / Test identity</legend>{people}</fieldset>
<button type="submit" name="action" value="sign-in">Se connecter / Sign in</button>
<button type="submit" name="action" value="cancel">Annuler / Cancel</button>
</form>"#,
        hidden = hidden_fields(params),
    )
}

pub fn render(params: &AuthorizeParams) -> String {
    page(
        "Se connecter – LuxTrust / eID (développement)",
        &form(params, false),
    )
}

pub fn render_with_problem(params: &AuthorizeParams) -> String {
    page(
        "Erreur : se connecter – LuxTrust / eID (développement)",
        &form(params, true),
    )
}

pub fn refusal(problem: &str) -> String {
    page(
        "Demande refusée / Request refused",
        &format!(
            "<h1>Demande refusée / Request refused</h1><p>{}</p>",
            escape(problem)
        ),
    )
}

pub fn signed_out() -> String {
    page(
        "Déconnecté / Signed out",
        "<h1>Déconnecté / Signed out</h1><p>Vous pouvez fermer cette page. / You may close this page.</p>",
    )
}
