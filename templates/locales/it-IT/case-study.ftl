# Caso di studio (case-study). Riferimento: templates/locales/en-US/case-study.ftl.

## Letterhead and title block.
case_study_letterhead = Caso di studio
case_study_number = N.
case_study_date = Data
case_study_client = Cliente

## Headline.
case_study_story = Storia del cliente · { $client }
case_study_headline = Titolo

## The story.
case_study_challenge = La sfida
case_study_solution = La soluzione
case_study_results = I risultati
case_study_at_a_glance = In sintesi
case_study_project = Progetto
case_study_delivered_by = Realizzato da
case_study_prepared_by = Redatto da

## The client's quote.
case_study_in_their_words = Nelle parole del cliente
case_study_quote_pending = Citazione del cliente: { $quote }
case_study_quote_approval = Pubblicata solo dopo l’approvazione del testo da parte del cliente.

## The Markdown's opening line (its parts joined by " · ") and closing sentence.
case_study_md_client = Cliente: { $client }
case_study_md_project = Progetto: { $workflow }
case_study_md_delivered_by = Realizzato da { $provider }
case_study_prepared_by_sentence = Redatto da { $name }.
