# Parole comuni a tutti i documenti. Riferimento: templates/locales/en-US/common.ftl.

## Titoli dei documenti.
title_brief = Documento dei requisiti
title_proposal = Proposta pilota
title_agreement = Contratto
title_launch_checklist = Checklist di avvio
title_security_memo = Nota di approvazione sicurezza
title_health_scorecard = Scheda cliente e revisione trimestrale
title_case_study = Caso di studio
title_invoice = Fattura
title_credit_note = Nota di credito
title_statement = Estratto conto
title_reminder = Sollecito di pagamento
title_email_sequence = Sequenza di e-mail
title_envelope = Busta
title_certificate = Certificato di completamento
title_change_order = Ordine di modifica

## Indicazione di bozza.
draft_banner = BOZZA: non approvata per l’uso.
draft_missing = Approvazioni e dati mancanti:
draft_watermark = BOZZA
draft_missing_approval = approvazione «{ $gate }» per { $action } (ambito { $scope })
draft_missing_fact = il dato { $field } è da definire
draft_missing_einvoice = fattura elettronica: { $what }

## Elementi di pagina e parole brevi.
page_of = Pagina { $page } di { $total }
tax_id = P. IVA
list_none = Nessuno.
none_recorded = Nessuna voce.
