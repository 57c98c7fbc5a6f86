# Français: la langue par défaut du portail.

## Cadre de page
site-owner = Police grand-ducale · Centre d'intervention national
skip-to-content = Aller au contenu
language-switch-label = Langue
footer-contact-title = Contact
footer-cin = Centre d'intervention national (CIN) de la Police grand-ducale, section Alarmis
footer-snpc = Service national de prévention de la criminalité (SNPC)
footer-owner = Un service de la Police grand-ducale. Aucun frais n'est perçu par la Police pour ces démarches.
loading = Chargement…
step-of = Étape { $step } sur { $total }

## Page d'accueil
home-page-title = Raccorder un système d'alarme à la Police (ALARMIS)
home-title = Raccorder un système d'alarme à la Police grand-ducale via ALARMIS
home-lead = Les alarmes destinées à la Police sont transmises par le réseau public de transmission d'alarmes ALARMIS jusqu'au Centre d'intervention national (CIN).
home-two-requests = Pour être raccordé au CIN, un client introduit une demande d'abord auprès de POST Luxembourg, qui exploite le réseau ALARMIS, puis auprès de la Police grand-ducale, sur ce portail.
home-alarms-title = Quelles alarmes ?
home-alarms-passive = Alarme passive : déclenchée automatiquement par l'installation, par un ou plusieurs détecteurs (intrusion).
home-alarms-active = Alarme active : déclenchée manuellement par une personne qui se sent menacée, au moyen d'un bouton-poussoir.
home-alarms-fire = Les alarmes incendie ne sont pas traitées par la Police : sauf exceptions, elles relèvent du Corps grand-ducal d'incendie et de secours (CGDIS).
home-who-title = Qui est concerné ?
home-who-body = Toute entreprise cliente du système ALARMIS, ou qui souhaite le devenir, et se raccorder au CIN de la Police grand-ducale.
home-prerequisites-title = Conditions préalables
home-prerequisites-body = Il vous faut un espace professionnel. Nouvel utilisateur : inscrivez-vous, puis créez un espace professionnel. Si vous avez déjà un espace privé, vous créez directement un espace professionnel, sans nouvelle inscription.
home-authentication = La connexion se fait avec un produit LuxTrust ou une carte d'identité électronique (eID).
home-procedures-title = Deux démarches
procedure-a-title = Certification de l'espace professionnel
procedure-a-audience = Pour les clients ALARMIS existants.
procedure-a-body = Après l'accord de la Police, un jeton de certification vous est envoyé par courrier postal. Vous le saisissez dans votre espace professionnel, qui apparaît alors comme certifié.
procedure-b-title = Demande initiale de raccordement
procedure-b-audience = Pour les nouveaux clients ALARMIS.
procedure-b-body = Vous décrivez le site protégé, le système d'alarme et son installateur, les personnes de contact, et vous expliquez pourquoi votre alarme doit être reliée à la Police, pièces justificatives à l'appui.
home-answer-title = La réponse de la Police
home-answer-body = Un refus vous est notifié dans votre espace, avec son motif. Un accord vous est notifié de même, avec les étapes suivantes ; pour une demande de raccordement, il comprend votre numéro de client ALARMIS.
home-costs-title = Coûts
home-costs-body = La Police grand-ducale ne perçoit aucun frais. Le système d'alarme et le service ALARMIS de POST ont leurs propres coûts : renseignez-vous auprès du fournisseur et du service commercial de POST.
home-obligations-title = Vos obligations une fois raccordé
home-obligations-maintenance = Faire entretenir le système chaque année par une entreprise spécialisée ; la Police peut demander une copie du certificat.
home-obligations-test = Faire réaliser chaque année un test de transmission de l'alarme.
home-obligations-changes = Signaler au CIN tout changement des informations du plan d'intervention.
home-obligations-false-alerts = Les fausses alertes donnent lieu à des frais et, répétées, peuvent entraîner la déconnexion.

## Vérification : quelle démarche pour moi ?
check-title = Quelle démarche pour moi ?
check-intro = Trois questions, sans connexion. Rien n'est enregistré.
check-kinds-legend = Quelles alarmes voulez-vous raccorder ?
check-kinds-hint = Cochez toutes les réponses qui s'appliquent.
alarm-kind-intrusion = Alarme intrusion (passive)
alarm-kind-intrusion-hint = Déclenchée automatiquement par des détecteurs.
alarm-kind-panic = Bouton-poussoir (active)
alarm-kind-panic-hint = Déclenchée par une personne qui se sent menacée.
alarm-kind-fire = Alarme incendie
check-client-legend = Êtes-vous déjà client ALARMIS ?
check-client-existing = Oui, j'ai déjà un numéro de client ALARMIS
check-client-new = Non, pas encore
check-postcode-label = Code postal du site à protéger
check-postcode-hint = Un code postal luxembourgeois, par exemple L-2540.
check-submit = Voir ma démarche
result-certification-title = Votre démarche : certification de l'espace professionnel
result-certification-body = Connectez-vous avec LuxTrust ou eID, ouvrez votre espace professionnel et demandez sa certification. Un jeton vous sera envoyé par courrier après l'accord de la Police.
result-connection-title = Votre démarche : demande initiale de raccordement
result-connection-body = Faites d'abord votre demande ALARMIS auprès de POST Luxembourg. Puis connectez-vous avec LuxTrust ou eID et remplissez la demande dans votre espace professionnel ; préparez le plan du bâtiment et le certificat de conformité de l'installateur.
result-none-title = Cette alarme ne relève pas de la Police
result-none-body = Le réseau ALARMIS vers la Police ne prend que les alarmes intrusion et les boutons-poussoirs.
result-site = Site protégé : { $postcode }, Luxembourg.
result-fire = Les alarmes incendie relèvent du CGDIS (Corps grand-ducal d'incendie et de secours) : adressez-vous à lui pour celles-ci.

## Erreurs
error-summary-title = Il y a un problème
error-prefix = Erreur :
error-title-prefix = Erreur :
error-bad-request = La demande n'a pas pu être comprise. Rechargez la page et réessayez.
error-unavailable = Le service est momentanément indisponible. Vos réponses sont conservées ; réessayez dans quelques minutes.
error-alarm-kind-required = Choisissez au moins un type d'alarme
error-client-status-required = Indiquez si vous êtes déjà client ALARMIS
error-postcode-required = Saisissez le code postal
error-postcode-format = Saisissez un code postal luxembourgeois de 4 chiffres, par exemple L-2540

## Page introuvable
not-found-title = Page introuvable
not-found-body = L'adresse saisie ne correspond à aucune page. Si vous avez copié l'adresse, vérifiez qu'elle est complète.
not-found-home = Retour à l'accueil
