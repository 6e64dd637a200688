import { z } from 'zod';
import { buildOnce } from '../../../core/build-once.js';
import { commonSchemas } from './common.js';

/** This module's schemas, built on first use: building every catalog's schemas at import made loading slow. */
export const usersSchemas = buildOnce(() => {
  const { answer, apexEnum, dateTime, int, text, ticks } = commonSchemas();
  // Users: slate `users/_api_users_system_getuserinfo.md`, `..._getuserpermissions.md`, `..._getuserconfig.md`,
  // `..._getallunredacteduserconfigsforuser.md`, `..._getunredacteduserconfigbykey.md`, `..._getuserdevices.md`,
  // `users/_api_users_user_getuseraccounts.md`, `..._getuseraccountinfos.md`, `..._getuseraffiliatecount.md`,
  // `..._getuseraffiliatetag.md`, `..._adduseraffiliatetag.md`, `..._updateuseraffiliatetag.md`; Kiiex
  // GetUserAccounts.yaml, GetUserAccountInfos.yaml, GetUserConfig.yaml, GetAllUnredactedUserConfigsForUser.yaml,
  // GetUnredactedUserConfigByKey.yaml, GetUserDevices.yaml, GetUserAffiliateCount.yaml, GetUserAffiliateTag.yaml,
  // AddUserAffiliateTag.yaml, UpdateUserAffiliateTag.yaml.

  /** GetUserInfo body: the user by id or by name ("either userId or userName"). */
  const getUserInfoBody = z.strictObject({
    OMSId: int,
    UserId: int.optional(),
    UserName: z.string().optional(),
  });

  /** GetUserInfo (slate only; the password hash and salt come back empty). */
  const userInfo = answer({
    UserId: int,
    UserName: z.string(),
    Email: z.string(),
    PasswordHash: z.string(),
    PendingEmailCode: z.string(),
    EmailVerified: z.boolean(),
    AccountId: int,
    DateTimeCreated: dateTime,
    AffiliateId: int,
    RefererId: int,
    OMSId: int,
    Use2FA: z.boolean(),
    Salt: z.string(),
    PendingCodeTime: dateTime,
    Locked: z.boolean(),
    LockedTime: dateTime,
    NumberOfFailedAttempt: int,
  });

  /** GetUserAccounts and GetUserAccountInfos body. */
  const userAccountsBody = z.strictObject({ OMSId: int, UserId: int, UserName: z.string() });

  /** GetUserAccounts: the user's account ids. */
  const userAccounts = z.array(int);

  /**
   * An account (GetAccountInfo, GetUserAccountInfos). The enumerations (`AccountType`, `RiskType`,
   * `FeeProductType`) are names on the wire, numbers in slate's tables. The loyalty, margin and linked-account fields
   * are printed for GetAccountInfo by both sources and for GetUserAccountInfos by Kiiex only; `SupportedVenueIds`
   * (slate) and `Frozen` (Kiiex) by one source each: all optional.
   */
  const accountInfo = answer({
    OMSId: int,
    AccountId: int,
    AccountName: z.string(),
    AccountHandle: text,
    FirmId: text,
    FirmName: text,
    AccountType: apexEnum,
    FeeGroupId: int,
    ParentId: int,
    RiskType: apexEnum,
    VerificationLevel: int,
    FeeProductType: apexEnum,
    FeeProduct: int,
    RefererId: int,
    LoyaltyProductId: int.optional(),
    LoyaltyEnabled: z.boolean().optional(),
    MarginEnabled: z.boolean().optional(),
    LiabilityAccountId: int.optional(),
    LendingAccountId: int.optional(),
    ProfitLossAccountId: int.optional(),
    SupportedVenueIds: z.array(int).optional(),
    Frozen: z.boolean().optional(),
  });

  /** GetUserAccountInfos: one account object per account of the user. */
  const userAccountInfos = z.array(accountInfo);

  /** GetUserPermissions body. */
  const userIdBody = z.strictObject({ UserId: int });

  /** GetUserPermissions: permission names (`"trading"`, `"deposit"`, `"withdraw"` ...). */
  const userPermissions = z.array(z.string());

  /** GetUserConfig and GetAllUnredactedUserConfigsForUser body. */
  const userConfigBody = z.strictObject({ UserId: int, UserName: z.string() });

  /** GetUnredactedUserConfigByKey body. `Key` is listed by Kiiex only (slate's request has no key). */
  const userConfigByKeyBody = z.strictObject({
    UserId: int,
    UserName: z.string(),
    Key: z.string().optional(),
  });

  /** One user configuration pair: both are strings. */
  const configEntry = answer({ Key: z.string(), Value: z.string() });

  /** GetUserConfig, GetAllUnredactedUserConfigsForUser, GetUnredactedUserConfigByKey. */
  const userConfig = z.array(configEntry);

  /** GetUserDevices body. The filters are listed by Kiiex only. */
  const userDevicesBody = z.strictObject({
    UserId: int,
    Action: z.string().optional(),
    StartDate: z.string().optional(),
    EndDate: z.string().optional(),
  });

  /** GetUserDevices: registered devices. `ExpirationTime` is .NET ticks (slate) or POSIX seconds (Kiiex). */
  const userDevices = z.array(
    answer({
      HashCode: int,
      Location: z.string(),
      DeviceName: z.string(),
      IpAddress: z.string(),
      UserId: int,
      IsTrusted: z.boolean(),
      ExpirationTime: ticks,
    }),
  );

  /** GetUserAffiliateCount and GetUserAffiliateTag body. */
  const affiliateBody = z.strictObject({ OMSId: int, UserId: int });

  /** GetUserAffiliateCount. */
  const affiliateCount = answer({ Count: int });

  /** GetUserAffiliateTag: one object per tag. */
  const affiliateTags = z.array(
    answer({ OMSId: int, UserId: int, AffiliateId: int, AffiliateTag: z.string() }),
  );

  /** AddUserAffiliateTag and UpdateUserAffiliateTag body. */
  const affiliateTagBody = z.strictObject({
    OMSId: int,
    UserId: int,
    AffiliateId: int,
    AffiliateTag: z.string(),
  });

  /** Validate2FA body (slate `users/_api_users_system_validate2fa.md`, Kiiex Validate2FA.yaml): `TFaType`, e.g. "Google". */
  const validate2faBody = z.strictObject({ TFaType: z.string(), Code: z.string() });

  /** Validate2FA: whether the code opened the calls that need a second factor for this session. */
  const validated2fa = answer({ TFaAuthenticated: z.boolean() });
  return {
    getUserInfoBody,
    userInfo,
    userAccountsBody,
    userAccounts,
    accountInfo,
    userAccountInfos,
    userIdBody,
    userPermissions,
    userConfigBody,
    userConfigByKeyBody,
    configEntry,
    userConfig,
    userDevicesBody,
    userDevices,
    affiliateBody,
    affiliateCount,
    affiliateTags,
    affiliateTagBody,
    validate2faBody,
    validated2fa,
  };
});
