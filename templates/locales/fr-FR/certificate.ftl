# L’attestation d’achèvement (templates/certificate.md, certificate.typ). Référence : templates/locales/en-US/certificate.ftl.

## Le titre, en deux lignes (en capitales sur l’attestation).
certificate_heading = Attestation
certificate_subheading = d’achèvement

## Ce qui est attesté, ligne par ligne : le nom suit la première ligne, la formation la troisième.
certificate_certifies = Nous certifions que
certificate_of_client = de la société { $client }
certificate_completed = a suivi avec succès
certificate_on_date = le { $date }

## Signature, sceau et délivrance.
certificate_authorised_signatory = Signataire habilité
certificate_seal_top = Certifié
certificate_seal_bottom = Achevé
certificate_date_of_issue = Date de délivrance
certificate_issued_by = Délivrée par { $issuer }
certificate_issued_by_on = Délivrée par { $issuer } le { $date }

## Comment un tiers la vérifie.
certificate_id = N° d’attestation
certificate_verify = Pour toute vérification, écrivez à { $email } en indiquant ce numéro.
certificate_prepared_by = Établie par { $name }
certificate_disclaimer = Une attestation ne vaut ni réception des livrables ni preuve publique.
# Espace insécable avant le deux-points.
certificate_label_colon = { $label } :
