# English.

## Page frame
site-owner = Grand Ducal Police · National intervention centre
skip-to-content = Skip to main content
language-switch-label = Language
footer-contact-title = Contact
footer-cin = National intervention centre (CIN) of the Grand Ducal Police, Alarmis section
footer-snpc = National crime prevention service (SNPC)
footer-owner = A service of the Grand Ducal Police. The Police charge no fee for these procedures.
loading = Loading…
step-of = Step { $step } of { $total }

## Home page
home-page-title = Connect an alarm system to the Police (ALARMIS)
home-title = Connect an alarm system to the Grand Ducal Police through ALARMIS
home-lead = Alarms meant for the Police travel over ALARMIS, the public alarm transmission network, to the National intervention centre (CIN).
home-two-requests = To be connected to the CIN, a client applies first to POST Luxembourg, which runs the ALARMIS network, and then to the Grand Ducal Police, on this portal.
home-alarms-title = Which alarms?
home-alarms-passive = Passive alarm: triggered automatically by the installation, through one or more detectors (intrusion).
home-alarms-active = Active alarm: triggered by hand, with a push-button, by a person who feels threatened.
home-alarms-fire = Fire alarms are not handled by the Police: with a few exceptions, they are a matter for the Grand Ducal Fire and Rescue Corps (CGDIS).
home-who-title = Who can apply?
home-who-body = Any business that is, or wants to become, an ALARMIS client and be connected to the Grand Ducal Police's CIN.
home-prerequisites-title = Before you start
home-prerequisites-body = You need a business eSpace. New users register first and then create a business eSpace. If you already have a private eSpace, you create a business eSpace straight away, without registering again.
home-authentication = You sign in with a LuxTrust product or an electronic identity card (eID).
home-procedures-title = Two procedures
procedure-a-title = Certification of your business eSpace
procedure-a-audience = For existing ALARMIS clients.
procedure-a-body = Once the Police approve, a certification token is sent to you by post. You enter it in your business eSpace, which then shows as certified.
procedure-b-title = Initial connection request
procedure-b-audience = For new ALARMIS clients.
procedure-b-body = You describe the protected site, the alarm system and its installer, the contact persons, and explain, with supporting documents, why your alarm should be connected to the Police.
home-answer-title = The Police's answer
home-answer-body = A refusal is sent to your eSpace with its reason. An approval is sent there too, with the next steps; for a connection request it includes your ALARMIS client number.
home-costs-title = Costs
home-costs-body = The Grand Ducal Police charge nothing. The alarm system and POST's ALARMIS service have their own costs: ask the supplier and POST's sales department.
home-obligations-title = Your obligations once connected
home-obligations-maintenance = Have the system serviced every year by a specialist company; the Police may ask for a copy of its certificate.
home-obligations-test = Have an alarm transmission test carried out every year.
home-obligations-changes = Report to the CIN any change to the information in the intervention plan.
home-obligations-false-alerts = False alerts are charged for and, when repeated, may lead to disconnection.

## Check: which procedure is mine?
check-title = Which procedure is mine?
check-intro = Three questions, no sign-in. Nothing is stored.
check-kinds-legend = Which alarms do you want to connect?
check-kinds-hint = Select all that apply.
alarm-kind-intrusion = Intrusion alarm (passive)
alarm-kind-intrusion-hint = Triggered automatically by detectors.
alarm-kind-panic = Push-button (active)
alarm-kind-panic-hint = Triggered by a person who feels threatened.
alarm-kind-fire = Fire alarm
check-client-legend = Are you already an ALARMIS client?
check-client-existing = Yes, I already have an ALARMIS client number
check-client-new = No, not yet
check-postcode-label = Postcode of the site to protect
check-postcode-hint = A Luxembourg postcode, for example L-2540.
check-submit = Show my procedure
result-certification-title = Your procedure: certification of your business eSpace
result-certification-body = Sign in with LuxTrust or eID, open your business eSpace and ask for its certification. A token is posted to you once the Police approve.
result-connection-title = Your procedure: initial connection request
result-connection-body = First make your ALARMIS request to POST Luxembourg. Then sign in with LuxTrust or eID and fill in the request in your business eSpace; have the building plan and the installer's certificate of conformity ready.
result-none-title = This alarm is not for the Police
result-none-body = The ALARMIS network to the Police only takes intrusion alarms and push-buttons.
result-site = Protected site: { $postcode }, Luxembourg.
result-fire = Fire alarms are a matter for the CGDIS (Grand Ducal Fire and Rescue Corps): contact them for those.

## Errors
error-summary-title = There is a problem
error-prefix = Error:
error-title-prefix = Error:
error-bad-request = The request could not be understood. Reload the page and try again.
error-unavailable = The service is unavailable for the moment. Your answers are kept; try again in a few minutes.
error-alarm-kind-required = Select at least one kind of alarm
error-client-status-required = Select whether you are already an ALARMIS client
error-postcode-required = Enter the postcode
error-postcode-format = Enter a 4-digit Luxembourg postcode, for example L-2540

## Page not found
not-found-title = Page not found
not-found-body = There is no page at this address. If you copied the address, check that it is complete.
not-found-home = Go to the home page
