# Het certificaat van voltooiing (templates/certificate.md, certificate.typ). Referentie: templates/locales/en-US/certificate.ftl.

## De titel, in twee regels (in hoofdletters op het certificaat).
certificate_heading = Certificaat
certificate_subheading = van voltooiing

## Wat wordt verklaard, regel voor regel: na de eerste regel de naam, na de derde de
## training. Samen: „… dat NAAM van BEDRIJF de training CURSUS op DATUM met goed gevolg
## heeft afgerond”.
certificate_certifies = Hierbij wordt verklaard dat
certificate_of_client = van { $client }
certificate_completed = de training
certificate_on_date = op { $date } met goed gevolg heeft afgerond

## Handtekening, zegel en uitgifte.
certificate_authorised_signatory = Bevoegd ondertekenaar
certificate_seal_top = Officieel
certificate_seal_bottom = Voltooid
certificate_date_of_issue = Datum van uitgifte
certificate_issued_by = Uitgegeven door { $issuer }
certificate_issued_by_on = Uitgegeven door { $issuer } op { $date }

## Hoe een derde het certificaat controleert.
certificate_id = Certificaatnummer
certificate_verify = Ter verificatie kunt u onder vermelding van dit nummer schrijven naar { $email }.
certificate_prepared_by = Opgesteld door { $name }
certificate_disclaimer = Een certificaat is geen acceptatie van de oplevering en geen openbaar bewijs.
certificate_label_colon = { $label }:
