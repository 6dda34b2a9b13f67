# Étude de cas (case-study). Référence : templates/locales/en-US/case-study.ftl.

## Letterhead and title block.
case_study_letterhead = Étude de cas
case_study_number = N°
case_study_date = Date
case_study_client = Client

## Headline.
case_study_story = Témoignage client · { $client }
case_study_headline = Titre

## The story.
case_study_challenge = Le défi
case_study_solution = La solution
case_study_results = Les résultats
case_study_at_a_glance = En bref
case_study_project = Projet
case_study_delivered_by = Réalisé par
case_study_prepared_by = Préparé par

## The client's quote.
case_study_in_their_words = La parole au client
case_study_quote_pending = Citation du client : { $quote }
case_study_quote_approval = Publiée uniquement après validation de sa formulation par le client.

## The Markdown's opening line (its parts joined by " · ") and closing sentence.
case_study_md_client = Client : { $client }
case_study_md_project = Projet : { $workflow }
case_study_md_delivered_by = Réalisé par { $provider }
case_study_prepared_by_sentence = Préparé par { $name }.
