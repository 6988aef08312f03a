/**
 * Facts one platform answers about its own records for another platform of the same sandbox,
 * so cross-platform rules (authorized operation reads registrations and sharing consents) read
 * the owner's state instead of copying it. A fact is a small plain value; it never exposes the
 * owner's records.
 */

/**
 * A product's filing on the registration platform: the earliest application naming the product
 * (its `products[].name`) by the registrant that was not refused, and its registration once coded.
 */
export interface ProductFiling {
  applicationId: string;
  /** When the registration platform received the application (epoch ms): the filing duty is met then. */
  receivedAt: number;
  registrationCode: string | null;
  /** The day it was coded (赋码), `null` before. */
  codedOn: string | null;
}

/** A sharing grant read as the provider's consent to use one catalog resource (27号 第五条). */
export interface SharingConsent {
  grantId: string;
  entryId: string;
  /** The organisation the data was shared with. */
  granteeId: string;
  providerId: string;
  /** Not revoked and not expired. */
  active: boolean;
}
