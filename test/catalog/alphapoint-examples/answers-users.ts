import { type Examples, firstOption, KIIEX, SLATE } from './examples.js';

/** The documented answers of the users calls. */
export const answersUsers: Examples = {
  GetUserInfo: [
    {
      source: `${SLATE}/users/_api_users_system_getuserinfo.md`,
      value: {
        userId: 0,
        userName: '',
        email: '',
        passwordHash: '',
        pendingEmailCode: '',
        emailVerified: false,
        accountId: 0,
        dateTimeCreated: '0001-01-01T00:00:00',
        affiliateId: 0,
        refererId: 0,
        omsId: 0,
        use2FA: false,
        salt: '',
        pendingCodeTime: '0001-01-01T00:00:00',
        locked: false,
        lockedTime: '0001-01-01T00:00:00',
        numberOfFailedAttempt: 0,
      },
    },
  ],
  GetUserAccounts: [
    // Not valid JSON as published: printed as `{ 0, // a list of account IDs }`; "The response returns list of comma-separated account IDs".
    {
      source: `${SLATE}/users/_api_users_user_getuseraccounts.md`,
      value: [0],
    },
    {
      source: `${KIIEX}/GetUserAccounts.yaml`,
      value: [123, 456, 789],
    },
  ],
  GetUserAccountInfos: [
    // Printed as one object; "Returns a JSON list of account objects; one for each account".
    {
      source: `${SLATE}/users/_api_users_user_getuseraccountinfos.md`,
      value: firstOption([
        {
          OMSID: 0,
          AccountId: 0,
          AccountName: '',
          AccountHandle: '',
          FirmId: '',
          FirmName: '',
          AccountType: {
            Options: ['Asset', 'Liability', 'ProfitLoss'],
          },
          FeeGroupID: 0,
          ParentID: 0,
          RiskType: {
            Options: ['Unknown', 'Normal', 'NoRiskCheck', 'NoTrading'],
          },
          VerificationLevel: 0,
          FeeProductType: {
            Options: ['BaseProduct', 'SingleProduct'],
          },
          FeeProduct: 0,
          RefererId: 0,
          SupportedVenueIds: [0],
        },
      ]),
    },
    {
      source: `${KIIEX}/GetUserAccountInfos.yaml`,
      value: [
        {
          OMSID: 1,
          AccountId: 123,
          AccountName: 'My Account',
          AccountHandle: 'my_account_1',
          FirmId: 'ABC',
          FirmName: 'ABC Trading',
          AccountType: 'Asset',
          FeeGroupID: 1,
          ParentID: 0,
          RiskType: 'Normal',
          VerificationLevel: 1,
          FeeProductType: 'BaseProduct',
          FeeProduct: 0,
          RefererId: 0,
          LoyaltyProductId: 0,
          LoyaltyEnabled: false,
          MarginEnabled: false,
          LiabilityAccountId: 0,
          LendingAccountId: 0,
          ProfitLossAccountId: 0,
        },
        {
          OMSID: 1,
          AccountId: 456,
          AccountName: 'Another Account',
          AccountHandle: 'another_account_1',
          FirmId: 'ABC',
          FirmName: 'ABC Trading',
          AccountType: 'Asset',
          FeeGroupID: 1,
          ParentID: 0,
          RiskType: 'Normal',
          VerificationLevel: 1,
          FeeProductType: 'BaseProduct',
          FeeProduct: 0,
          RefererId: 0,
          LoyaltyProductId: 0,
          LoyaltyEnabled: false,
          MarginEnabled: false,
          LiabilityAccountId: 0,
          LendingAccountId: 0,
          ProfitLossAccountId: 0,
        },
      ],
    },
  ],
  GetUserPermissions: [
    // Not valid JSON as published: printed as `["trading", "deposit", "withdraw"...]]`.
    {
      source: `${SLATE}/users/_api_users_system_getuserpermissions.md`,
      value: ['trading', 'deposit', 'withdraw'],
    },
  ],
  GetUserConfig: [
    {
      source: `${SLATE}/users/_api_users_system_getuserconfig.md`,
      value: [
        {
          Key: 'Config1',
          Value: 'Config1Val',
        },
      ],
    },
    {
      source: `${KIIEX}/GetUserConfig.yaml`,
      value: [
        {
          Key: 'Config1',
          Value: 'Config1Val',
        },
        {
          Key: 'Setting2',
          Value: 'Value2',
        },
        {
          Key: 'API_KEY',
          Value: 'REDACTED_API_KEY',
        },
      ],
    },
  ],
  GetAllUnredactedUserConfigsForUser: [
    {
      source: `${SLATE}/users/_api_users_system_getallunredacteduserconfigsforuser.md`,
      value: [
        {
          Key: 'Config1',
          Value: 'Config1Val',
        },
      ],
    },
    {
      source: `${KIIEX}/GetAllUnredactedUserConfigsForUser.yaml`,
      value: [
        {
          Key: 'Config1',
          Value: 'Config1Val',
        },
        {
          Key: 'Setting2',
          Value: 'Value2',
        },
        {
          Key: 'API_KEY',
          Value: 'Actual_API_KEY',
        },
      ],
    },
  ],
  GetUnredactedUserConfigByKey: [
    {
      source: `${SLATE}/users/_api_users_system_getunredacteduserconfigbykey.md`,
      value: [
        {
          Key: 'Config1',
          Value: 'Config1Val',
        },
      ],
    },
    {
      source: `${KIIEX}/GetUnredactedUserConfigByKey.yaml`,
      value: [
        {
          Key: 'Config1',
          Value: 'Config1Val',
        },
      ],
    },
  ],
  GetUserDevices: [
    {
      source: `${SLATE}/users/_api_users_system_getuserdevices.md`,
      value: [
        {
          HashCode: 1,
          Location: 'location',
          DeviceName: 'name',
          IpAddress: '127.0.0.0',
          UserId: 1,
          IsTrusted: true,
          // biome-ignore lint/correctness/noPrecisionLoss: copied as published (.NET ticks); JSON.parse rounds it the same way.
          ExpirationTime: 637020116076891148,
        },
      ],
    },
    {
      source: `${KIIEX}/GetUserDevices.yaml`,
      value: [
        {
          HashCode: 12345,
          Location: 'New York',
          DeviceName: 'My Laptop',
          IpAddress: '192.168.1.100',
          UserId: 1,
          IsTrusted: true,
          ExpirationTime: 1678886400,
        },
        {
          HashCode: 67890,
          Location: 'London',
          DeviceName: 'My Phone',
          IpAddress: '10.0.0.1',
          UserId: 1,
          IsTrusted: false,
          ExpirationTime: 1678972800,
        },
      ],
    },
  ],
  GetUserAffiliateCount: [
    {
      source: `${SLATE}/users/_api_users_user_getuseraffiliatecount.md`,
      value: {
        Count: 0,
      },
    },
    {
      source: `${KIIEX}/GetUserAffiliateCount.yaml`,
      value: {
        Count: 123,
      },
    },
  ],
  GetUserAffiliateTag: [
    {
      source: `${SLATE}/users/_api_users_user_getuseraffiliatetag.md`,
      value: [
        {
          omsId: 0,
          userId: 0,
          affiliateId: 0,
          affiliateTag: '',
        },
      ],
    },
    {
      source: `${KIIEX}/GetUserAffiliateTag.yaml`,
      value: [
        {
          omsId: 1,
          userId: 123,
          affiliateId: 456,
          affiliateTag: 'ABC123',
        },
        {
          omsId: 1,
          userId: 123,
          affiliateId: 789,
          affiliateTag: 'XYZ789',
        },
      ],
    },
  ],
  AddUserAffiliateTag: [
    {
      source: `${SLATE}/users/_api_users_user_adduseraffiliatetag.md`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
  ],
  UpdateUserAffiliateTag: [
    {
      source: `${SLATE}/users/_api_users_user_updateuseraffiliatetag.md`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
    {
      source: `${KIIEX}/UpdateUserAffiliateTag.yaml`,
      value: {
        result: true,
        errormsg: '',
        errorcode: 0,
        detail: '',
      },
    },
  ],
  Validate2FA: [
    {
      source: `${SLATE}/users/_api_users_system_validate2fa.md`,
      value: {
        TFaAuthenticated: true,
      },
    },
    {
      source: `${KIIEX}/Validate2FA.yaml`,
      value: {
        TFaAuthenticated: true,
      },
    },
  ],
};
