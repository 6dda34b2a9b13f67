# Enveloppe n° 10 : les mots de l’épreuve Markdown. Les lignes d’adresse et le code-barres sont la forme de l’USPS (capitales anglaises) et ne sont jamais traduits. Référence : templates/locales/en-US/envelope.ftl.

envelope_proof = Épreuve de l’enveloppe n° 10 (9,5 po × 4,125 po, imprimer à 100 %).
envelope_contents = Contenu : { $contents }
envelope_exactly_as_printed = Les lignes d’adresse et le code-barres ci-dessous sont exactement tels qu’imprimés (forme USPS Publication 28, code-barres Intelligent Mail USPS-B-3200).

envelope_decision = Décision
envelope_label_colon = { $label } :
envelope_final = Définitive
envelope_final_note = envoi approuvé et destinataire vérifié. `docket envelopes` l’imprime dans une série d’impression.
envelope_draft = Brouillon
envelope_draft_note = envoi non approuvé ou destinataire non vérifié (voir ci-dessus). Le PDF porte la mention BROUILLON, et `docket envelopes` ignore cette enveloppe tant que ce qui est listé ci-dessus n’est pas enregistré.

envelope_return_address = Adresse de l’expéditeur (en haut à gauche)
envelope_delivery_address = Adresse du destinataire (zone de lecture OCR)
envelope_barcode = Code-barres Intelligent Mail (zone réservée au code-barres, en bas à droite)

envelope_field = Champ
envelope_value = Valeur
envelope_barcode_id = Identifiant du code-barres
envelope_service_type = Type de service
envelope_mailer_id = Identifiant de l’expéditeur
envelope_serial = Numéro de série
envelope_routing_code = Code d’acheminement
envelope_tracking_code = Code de suivi
envelope_bars = Les 65 barres, de gauche à droite (F complète, A ascendante, D descendante, T courte) :

envelope_draft_mark = Brouillon : envoi non approuvé
