import { type Examples, SLATE } from './examples.js';

/** The documented requests of the users calls. */
export const requestsUsers: Examples = {
  GetUserInfo: [
    {
      source: `${SLATE}/users/_api_users_system_getuserinfo.md`,
      // the first of its two alternatives; field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        UserId: 0,
      },
    },
  ],
  GetUserAccounts: [
    {
      source: `${SLATE}/users/_api_users_user_getuseraccounts.md`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        UserId: 0,
        UserName: '',
      },
    },
  ],
  GetUserAccountInfos: [
    {
      source: `${SLATE}/users/_api_users_user_getuseraccountinfos.md`,
      value: {
        OMSId: 0,
        UserId: 0,
        UserName: '',
      },
    },
  ],
  GetUserPermissions: [
    {
      source: `${SLATE}/users/_api_users_system_getuserpermissions.md`,
      value: {
        UserId: 1,
      },
    },
  ],
  GetUserConfig: [
    {
      source: `${SLATE}/users/_api_users_system_getuserconfig.md`,
      // field names in the wire's PascalCase.
      value: {
        UserId: 0,
        UserName: '',
      },
    },
  ],
  GetAllUnredactedUserConfigsForUser: [
    {
      source: `${SLATE}/users/_api_users_system_getallunredacteduserconfigsforuser.md`,
      // field names in the wire's PascalCase.
      value: {
        UserId: 0,
        UserName: '',
      },
    },
  ],
  GetUnredactedUserConfigByKey: [
    {
      source: `${SLATE}/users/_api_users_system_getunredacteduserconfigbykey.md`,
      // field names in the wire's PascalCase.
      value: {
        UserId: 0,
        UserName: '',
      },
    },
  ],
  GetUserDevices: [
    {
      source: `${SLATE}/users/_api_users_system_getuserdevices.md`,
      value: {
        UserId: 1,
      },
    },
  ],
  GetUserAffiliateCount: [
    {
      source: `${SLATE}/users/_api_users_user_getuseraffiliatecount.md`,
      value: {
        OMSId: 1,
        UserId: 1,
      },
    },
  ],
  GetUserAffiliateTag: [
    {
      source: `${SLATE}/users/_api_users_user_getuseraffiliatetag.md`,
      // field names in the wire's PascalCase.
      value: {
        UserId: 0,
        OMSId: 0,
      },
    },
  ],
  AddUserAffiliateTag: [
    {
      source: `${SLATE}/users/_api_users_user_adduseraffiliatetag.md`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        UserId: 0,
        AffiliateId: 0,
        AffiliateTag: '',
      },
    },
  ],
  UpdateUserAffiliateTag: [
    {
      source: `${SLATE}/users/_api_users_user_updateuseraffiliatetag.md`,
      // field names in the wire's PascalCase.
      value: {
        OMSId: 0,
        UserId: 0,
        AffiliateId: 0,
        AffiliateTag: '',
      },
    },
  ],
  Validate2FA: [
    {
      source: `${SLATE}/users/_api_users_system_validate2fa.md`,
      value: {
        TFaType: 'TFATYPE',
        Code: 'YourCode',
      },
    },
  ],
};
