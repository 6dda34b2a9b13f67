//! United States Postal Service rules docket prints by: Publication 28 address lines and the
//! Intelligent Mail barcode (USPS-B-3200).

pub mod address;
pub mod imb;
