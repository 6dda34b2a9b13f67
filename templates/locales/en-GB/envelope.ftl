# #10 envelope (British English): the Markdown proof. Reference: templates/locales/en-US/envelope.ftl.

## The proof.
envelope_proof = Proof of the #10 envelope (9.5 in x 4.125 in, print at 100%).
envelope_contents = Contents: { $contents }
envelope_exactly_as_printed =
    The address lines and the barcode below are exactly as printed (USPS Publication 28 form,
    Intelligent Mail barcode USPS-B-3200).

## The decision.
envelope_decision = Decision
envelope_label_colon = { $label }:
envelope_final = Final
envelope_final_note =
    approved to send and the recipient verified. `docket envelopes` prints it in a
    print run.
envelope_draft = Draft
envelope_draft_note =
    not approved to send or the recipient not verified (see above). The PDF carries a
    DRAFT mark, and `docket envelopes` skips this envelope until what is listed above is recorded.

## The zones.
envelope_return_address = Return address (upper left)
envelope_delivery_address = Delivery address (OCR read area)
envelope_barcode = Intelligent Mail barcode (barcode clear zone, lower right)

## The barcode's fields.
envelope_field = Field
envelope_value = Value
envelope_barcode_id = Barcode id
envelope_service_type = Service type
envelope_mailer_id = Mailer id
envelope_serial = Serial
envelope_routing_code = Routing code
envelope_tracking_code = Tracking code
envelope_bars = The 65 bars, leftmost first (F full, A ascender, D descender, T tracker):

## The mark on a draft envelope (upper case on the envelope).
envelope_draft_mark = Draft: not approved to send
