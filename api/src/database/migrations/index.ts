import { Init1795442302174 } from './1795442302174-Init';
import { RecognitionCore1795443129495 } from './1795443129495-RecognitionCore';
import { Displays1795446203683 } from './1795446203683-Displays';
import { RuleCheckIndexes1795452146240 } from './1795452146240-RuleCheckIndexes';
import { DropUnbuiltFeatures1796231220246 } from './1796231220246-DropUnbuiltFeatures';
import { IdempotencyResultOnly1796231413169 } from './1796231413169-IdempotencyResultOnly';
import { AccountAndMail1796244170051 } from './1796244170051-AccountAndMail';
import { DisplayPairingAndPresence1796244172638 } from './1796244172638-DisplayPairingAndPresence';
import { Badges1796307031838 } from './1796307031838-Badges';
import { Uploads1796307264167 } from './1796307264167-Uploads';
import { Missions1796307313393 } from './1796307313393-Missions';
import { TrackedMissions1796414009627 } from './1796414009627-TrackedMissions';
import { BadgeImages1796414022104 } from './1796414022104-BadgeImages';
import { BadgeAwardsFeed1796414112604 } from './1796414112604-BadgeAwardsFeed';
import { Praise1796415525389 } from './1796415525389-Praise';
import { PraiseFeed1796425996187 } from './1796425996187-PraiseFeed';
import { ScreensFacingCustomers1796426033734 } from './1796426033734-ScreensFacingCustomers';
import { PartTimeFactor1796655241798 } from './1796655241798-PartTimeFactor';
import { AnalyticsIndexes1796657368477 } from './1796657368477-AnalyticsIndexes';
import { InvitationPartTimeFactor1796700000000 } from './1796700000000-InvitationPartTimeFactor';
import { AuditLog1796655621303 } from './1796655621303-AuditLog';
import { AnalyticsCoveringIndexes1796743200000 } from './1796743200000-AnalyticsCoveringIndexes';

/** Every migration in order; listed rather than globbed so any runner loads them the same way. */
export const MIGRATIONS = [
  Init1795442302174,
  RecognitionCore1795443129495,
  Displays1795446203683,
  RuleCheckIndexes1795452146240,
  DropUnbuiltFeatures1796231220246,
  IdempotencyResultOnly1796231413169,
  AccountAndMail1796244170051,
  DisplayPairingAndPresence1796244172638,
  Badges1796307031838,
  Uploads1796307264167,
  Missions1796307313393,
  TrackedMissions1796414009627,
  BadgeImages1796414022104,
  BadgeAwardsFeed1796414112604,
  Praise1796415525389,
  PraiseFeed1796425996187,
  ScreensFacingCustomers1796426033734,
  PartTimeFactor1796655241798,
  AuditLog1796655621303,
  AnalyticsIndexes1796657368477,
  InvitationPartTimeFactor1796700000000,
  AnalyticsCoveringIndexes1796743200000,
];
