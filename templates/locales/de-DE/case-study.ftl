# Fallstudie (case-study). Referenz: templates/locales/en-US/case-study.ftl.

## Letterhead and title block.
case_study_letterhead = Fallstudie
case_study_number = Nr.
case_study_date = Datum
case_study_client = Kunde

## Headline.
case_study_story = Kundenbeispiel · { $client }
case_study_headline = Überschrift

## The story.
case_study_challenge = Die Herausforderung
case_study_solution = Die Lösung
case_study_results = Die Ergebnisse
case_study_at_a_glance = Auf einen Blick
case_study_project = Projekt
case_study_delivered_by = Umgesetzt von
case_study_prepared_by = Erstellt von

## The client's quote.
case_study_in_their_words = In den Worten des Kunden
case_study_quote_pending = Kundenzitat: { $quote }
case_study_quote_approval = Wird erst veröffentlicht, wenn der Kunde den Wortlaut freigegeben hat.

## The Markdown's opening line (its parts joined by " · ") and closing sentence.
case_study_md_client = Kunde: { $client }
case_study_md_project = Projekt: { $workflow }
case_study_md_delivered_by = Umgesetzt von { $provider }
case_study_prepared_by_sentence = Erstellt von { $name }.
