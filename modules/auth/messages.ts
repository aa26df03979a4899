/** Messages more than one auth module shows. */
export const INVALID_CREDENTIALS_MESSAGE = 'Email or password is incorrect'
export const ACCOUNT_DISABLED_MESSAGE =
	'This account has been suspended. Please contact us if you think this is a mistake.'
