# Il certificato di completamento (templates/certificate.md, certificate.typ). Riferimento: templates/locales/en-US/certificate.ftl.

## Il titolo, su due righe (in maiuscolo sul certificato).
certificate_heading = Certificato
certificate_subheading = di completamento

## Ciò che si certifica, riga per riga: il nome segue la prima riga, il corso la terza.
certificate_certifies = Si certifica che
certificate_of_client = di { $client }
certificate_completed = ha completato con successo
certificate_on_date = il { $date }

## Firma, sigillo e rilascio.
certificate_authorised_signatory = Firmatario autorizzato
certificate_seal_top = Certificato
certificate_seal_bottom = Completato
certificate_date_of_issue = Data di rilascio
certificate_issued_by = Rilasciato da { $issuer }
certificate_issued_by_on = Rilasciato da { $issuer } il { $date }

## Come lo verifica un terzo.
certificate_id = N. certificato
certificate_verify = Per la verifica, scriva a { $email } indicando questo numero.
certificate_prepared_by = Redatto da { $name }
certificate_disclaimer = Un certificato non costituisce accettazione della consegna né prova pubblica.
certificate_label_colon = { $label }:
