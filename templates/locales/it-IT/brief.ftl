# Documento dei requisiti (brief). Riferimento: templates/locales/en-US/brief.ftl.

## Intestazione.
brief_letterhead = Scheda requisiti
brief_number = N.
brief_date = Data

## Per chi, quale incarico.
brief_prepared_for = Preparato per
brief_prepared_for_by = Preparato per { $client } da { $provider }
brief_attention = Alla c.a. di { $sponsor }
brief_engagement = Incarico
brief_engagement_line = Incarico: { $workflow }
brief_discovery_by = Analisi dei requisiti a cura di { $provider }
brief_prepared_by = Redatto da { $name }

## Dati da definire (TBD resta com’è: così appare ogni valore non noto).
brief_open_facts = I dati ancora da definire sono indicati con TBD: La preghiamo di confermarli prima che una proposta si basi su di essi.
brief_open_one = Un dato è ancora da definire. È indicato con TBD qui sotto e va confermato prima che una proposta si basi su di esso.
brief_open_many = { $count } dati sono ancora da definire. Sono indicati con TBD qui sotto e vanno confermati prima che una proposta si basi su di essi.

## Sezioni.
brief_problem = Problema
brief_goal = Obiettivo
brief_current_process = Processo attuale
brief_monthly_volume = Volume mensile
brief_monthly_volume_line = Volume mensile: { $volume }
brief_systems = Sistemi
brief_success_metrics = Indicatori di successo
brief_constraints = Vincoli
brief_out_of_scope = Fuori ambito
brief_stakeholders = Parti interessate
brief_stakeholder_name = Nome
brief_stakeholder_role = Ruolo

## Frase finale.
brief_not_a_proposal = Questi sono i dati emersi dall’analisi dei requisiti. Non costituiscono una proposta.
