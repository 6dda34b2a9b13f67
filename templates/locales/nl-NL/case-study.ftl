# Praktijkvoorbeeld (case-study). Referentie: templates/locales/en-US/case-study.ftl.

## Letterhead and title block.
case_study_letterhead = Praktijkvoorbeeld
case_study_number = Nr.
case_study_date = Datum
case_study_client = Klant

## Headline.
case_study_story = Klantverhaal · { $client }
case_study_headline = Kop

## The story.
case_study_challenge = De uitdaging
case_study_solution = De oplossing
case_study_results = De resultaten
case_study_at_a_glance = In het kort
case_study_project = Project
case_study_delivered_by = Uitgevoerd door
case_study_prepared_by = Opgesteld door

## The client's quote.
case_study_in_their_words = In de woorden van de klant
case_study_quote_pending = Klantcitaat: { $quote }
case_study_quote_approval = Wordt pas gepubliceerd nadat de klant de formulering heeft goedgekeurd.

## The Markdown's opening line (its parts joined by " · ") and closing sentence.
case_study_md_client = Klant: { $client }
case_study_md_project = Project: { $workflow }
case_study_md_delivered_by = Uitgevoerd door { $provider }
case_study_prepared_by_sentence = Opgesteld door { $name }.
